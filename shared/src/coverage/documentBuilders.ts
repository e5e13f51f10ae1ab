import { buildTable } from '../strategy/buildNodes.ts';
import type { SectionOptions } from '../strategy/buildNodes.ts';
import { buildStrategyContent } from '../strategy/buildStrategyContent.ts';
import { ACTION_PLAN_TABLE_COLUMNS, INDICATOR_TABLE_COLUMNS } from '../template/tableColumns.ts';
import type { Template } from '../template/templateSchema.ts';
import { SECTION_NODE } from './strategyDocument.ts';
import type { JSONNode } from './strategyDocument.ts';

// Test builders for strategy documents in the shape described in strategyDocument.ts. The node
// builders are the production ones; these add crafted rows and per-section overrides.

export { buildParagraph, buildSection, buildTable } from '../strategy/buildNodes.ts';
export type { SectionOptions } from '../strategy/buildNodes.ts';

/** An indicator table; with no rows it has the one blank row a new table starts with. */
export function buildIndicatorTable(rows: readonly (readonly string[])[] = [[]]): JSONNode {
  return buildTable(INDICATOR_TABLE_COLUMNS, rows);
}

export type ActionRow = Partial<Record<'action' | 'lead' | 'partners' | 'timeframe' | 'indicator' | 'budget', string>>;

/** An action plan table from rows written by column name, so a test reads like the table. */
export function buildActionPlanTable(rows: readonly ActionRow[] = [{}]): JSONNode {
  const order = ['action', 'lead', 'partners', 'timeframe', 'indicator', 'budget'] as const;
  return buildTable(ACTION_PLAN_TABLE_COLUMNS, rows.map((row) => order.map((column) => row[column] ?? '')));
}

type SectionOverride = Pick<SectionOptions, 'status' | 'lead' | 'content'>;

/**
 * A document as created from `template` (`buildStrategyContent`), with some sections' status, lead
 * or own content replaced, keyed by section key.
 */
export function buildStrategyDoc(template: Template, sections: Record<string, SectionOverride> = {}): JSONNode {
  const override = (node: JSONNode): JSONNode => {
    if (node.type !== SECTION_NODE) return node;
    const [title, ...rest] = node.content ?? [];
    const own = rest.filter((child) => child.type !== SECTION_NODE);
    const children = rest.filter((child) => child.type === SECTION_NODE).map(override);
    const { content = own, ...attrs } = sections[String(node.attrs?.key)] ?? {};
    return { ...node, attrs: { ...node.attrs, ...attrs }, content: [...(title ? [title] : []), ...content, ...children] };
  };
  const doc = buildStrategyContent(template);
  return { ...doc, content: (doc.content ?? []).map(override) };
}
