import type { JSONNode, Template } from '@lcs/shared';
import { computeCoverage } from '@lcs/shared';
import type { Block, TableCell } from './exportModel.ts';
import { plainSpan } from './readInlines.ts';

/** Where a template section ended up in the export: its anchor, shown number and title. */
export interface SectionHeading {
  id: string;
  number: string | null;
  title: string;
}

export const KEY_FEATURES_ANNEX_TITLE = 'Annex: Key Features of Learning Cities';

const COLUMNS = ['Area of focus', 'Section', 'Content', 'Actions', 'Indicator', 'Covered'];

function cell(text: string, header = false): TableCell {
  return { header, blocks: [{ type: 'paragraph', inlines: [plainSpan(text)] }] };
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/**
 * The annex that maps the strategy to UNESCO's Key Features of Learning Cities: for each of the
 * three areas, a table of its areas of focus with the section that treats it and whether that
 * section has content, actions and an indicator (the rule of `computeCoverage`, stated in the text
 * so a reader of the printed document can check it).
 */
export function keyFeaturesAnnex(doc: JSONNode, template: Template, headings: ReadonlyMap<string, SectionHeading>, uniqueId: (wanted: string) => string): Block[] {
  const coverage = new Map(computeCoverage(doc, template).map((entry) => [entry.areaOfFocusKey, entry]));
  const covered = [...coverage.values()].filter((entry) => entry.covered).length;
  const blocks: Block[] = [
    { type: 'pageBreak' },
    { type: 'heading', level: 1, number: null, inlines: [plainSpan(KEY_FEATURES_ANNEX_TITLE)], id: uniqueId('annex-key-features'), inToc: true },
    {
      type: 'paragraph',
      inlines: [
        plainSpan(
          'How this strategy addresses the areas of focus of the Key Features of Learning Cities (UNESCO, 2015). ' +
            'An area of focus counts as covered when its section has written content, at least one action and at least one indicator. ',
        ),
        plainSpan(`Covered: ${covered} of ${coverage.size}.`, { bold: true }),
      ],
    },
  ];
  for (const area of template.keyFeatures.areas) {
    blocks.push({ type: 'heading', level: 2, number: null, inlines: [plainSpan(`${area.number} ${area.title}`)], id: uniqueId(`annex-area-${area.key}`), inToc: false });
    const rows: TableCell[][] = [COLUMNS.map((column) => cell(column, true))];
    for (const focus of area.areasOfFocus) {
      const entry = coverage.get(focus.key);
      const heading = entry?.sectionKey ? headings.get(entry.sectionKey) : undefined;
      const section = heading ? [heading.number, heading.title].filter(Boolean).join(' ') : 'Not in this strategy';
      rows.push([
        cell(`${focus.number} ${focus.title}`),
        cell(section),
        cell(yesNo(entry?.hasContent ?? false)),
        cell(yesNo(entry?.hasActions ?? false)),
        cell(yesNo(entry?.hasIndicator ?? false)),
        cell(yesNo(entry?.covered ?? false)),
      ]);
    }
    blocks.push({ type: 'table', headerRows: 1, rows, columnCount: COLUMNS.length });
  }
  return blocks;
}
