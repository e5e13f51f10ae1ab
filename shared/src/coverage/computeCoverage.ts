import { flattenSections } from '../template/flattenSections.ts';
import type { Template } from '../template/templateSchema.ts';
import { readSections } from './readSections.ts';
import type { DocumentSection } from './readSections.ts';
import { cellText } from './readTable.ts';
import type { JSONNode } from './strategyDocument.ts';

/** Whether the strategy addresses one Key Features area of focus. */
export interface AreaOfFocusCoverage {
  areaOfFocusKey: string;
  /** e.g. "2.3" */
  number: string;
  title: string;
  /** The document section that treats this area of focus, or null if the document has none. */
  sectionKey: string | null;
  /** Its section has prose: words outside its indicator and action plan tables. */
  hasContent: boolean;
  /** At least one action counts for it (see `computeCoverage`). */
  hasActions: boolean;
  /** At least one indicator counts for it (see `computeCoverage`). */
  hasIndicator: boolean;
  /** Content, actions and an indicator: the area of focus is addressed. */
  covered: boolean;
}

interface Action {
  sectionKey: string;
  /** Dotted numbers written in the row's Action cell or in a column the team added, e.g. "2.3". */
  references: string[];
  indicator: string;
}

// Dotted numbers only: "2.3" or a feature's "2.3.1". Budget and Timeframe cells are never searched,
// since "2.3 million" or "2025.1" there would be money and dates, not areas of focus.
const DOTTED_NUMBER = /\d+(?:\.\d+)+/g;

function actionsOf(section: DocumentSection): Action[] {
  return section.tables
    .filter((table) => table.kind === 'actionPlan')
    .flatMap((table) =>
      table.rows
        .filter((row) => cellText(table, row, 'action') !== '')
        .map((row) => {
          const searched = [cellText(table, row, 'action'), ...row.cells.filter((_, index) => table.columns[index] === null)];
          const references = searched.flatMap((text) => text.match(DOTTED_NUMBER) ?? []);
          return { sectionKey: section.key, references, indicator: cellText(table, row, 'indicator') };
        }),
    );
}

function hasIndicatorRow(section: DocumentSection): boolean {
  return section.tables.some((table) => table.kind === 'indicator' && table.rows.some((row) => cellText(table, row, 'indicator') !== ''));
}

/**
 * For each of the template's areas of focus, in framework order, whether the strategy addresses it.
 *
 * The rule, kept simple enough to explain in the coverage view:
 * - content: the area's own section (the one whose template `areaOfFocusKey` names it) has prose;
 * - an action: an action plan row with a non-empty Action cell that either sits in the area's own
 *   section, or anywhere in the document names the area's number ("2.3", or one of its features,
 *   "2.3.1") in its Action cell or in a column the team added (e.g. "Area of focus");
 * - an indicator: a row of an indicator table in the area's section with its Indicator filled in,
 *   or one of the area's actions with its Indicator cell filled in.
 * Covered means all three.
 */
export function computeCoverage(doc: JSONNode, template: Template): AreaOfFocusCoverage[] {
  const sections = readSections(doc);
  const actions = sections.flatMap(actionsOf);
  const sectionKeyByFocus = new Map<string, string>();
  for (const { section } of flattenSections(template)) {
    if (section.areaOfFocusKey) sectionKeyByFocus.set(section.areaOfFocusKey, section.key);
  }

  return template.keyFeatures.areas.flatMap((area) =>
    area.areasOfFocus.map((focus) => {
      const sectionKey = sectionKeyByFocus.get(focus.key) ?? null;
      const own = sections.filter((section) => section.key === sectionKey);
      const names = (reference: string) => reference === focus.number || reference.startsWith(`${focus.number}.`);
      const focusActions = actions.filter((action) => action.sectionKey === sectionKey || action.references.some(names));
      const hasContent = own.some((section) => section.proseWordCount > 0);
      const hasActions = focusActions.length > 0;
      const hasIndicator = own.some(hasIndicatorRow) || focusActions.some((action) => action.indicator !== '');
      return {
        areaOfFocusKey: focus.key,
        number: focus.number,
        title: focus.title,
        sectionKey: own.length > 0 ? sectionKey : null,
        hasContent,
        hasActions,
        hasIndicator,
        covered: hasContent && hasActions && hasIndicator,
      };
    }),
  );
}
