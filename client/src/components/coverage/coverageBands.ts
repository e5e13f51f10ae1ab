import type { AreaOfFocusCoverage, KeyFeaturesArea, Template } from '@lcs/shared';

/** One area of the Key Features, drawn as its part of the building, with its areas of focus. */
export interface CoverageBand {
  key: string;
  number: string;
  title: string;
  metaphor: KeyFeaturesArea['metaphor'];
  areas: AreaOfFocusCoverage[];
  covered: number;
}

/** The template's areas in framework order (pediment, columns, foundation), each with its coverage. */
export function coverageBands(template: Template, coverage: readonly AreaOfFocusCoverage[]): CoverageBand[] {
  const byKey = new Map(coverage.map((item) => [item.areaOfFocusKey, item]));
  return template.keyFeatures.areas.map((area) => {
    const areas = area.areasOfFocus.flatMap((focus) => {
      const item = byKey.get(focus.key);
      return item ? [item] : [];
    });
    return { key: area.key, number: area.number, title: area.title, metaphor: area.metaphor, areas, covered: areas.filter((item) => item.covered).length };
  });
}

/** "5 of 12 areas of focus covered" */
export function coverageSummary(coverage: readonly AreaOfFocusCoverage[]): string {
  const covered = coverage.filter((item) => item.covered).length;
  return `${covered} of ${coverage.length} ${coverage.length === 1 ? 'area' : 'areas'} of focus covered`;
}

/** What an area of focus still lacks, as words: "no actions and no indicator"; empty when covered. */
export function missingParts(item: AreaOfFocusCoverage): string {
  const missing = [
    item.hasContent ? null : 'no text',
    item.hasActions ? null : 'no actions',
    item.hasIndicator ? null : 'no indicator',
  ].filter((part): part is string => part !== null);
  if (missing.length <= 1) return missing.join('');
  return `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
}

/** The accessible name of an area of focus in the coverage view. */
export function coverageItemLabel(item: AreaOfFocusCoverage): string {
  return `${item.number} ${item.title}: ${item.covered ? 'covered' : `needs work, ${missingParts(item)}`}`;
}
