import type { JSONNode } from '../coverage/strategyDocument.ts';
import { ACTION_PLAN_TABLE_COLUMNS, INDICATOR_TABLE_COLUMNS } from '../template/tableColumns.ts';
import type { Template, TemplateBlock, TemplateSection, TemplateSubsection } from '../template/templateSchema.ts';
import { buildParagraph, buildSection, buildTable } from './buildNodes.ts';

/** What a template block becomes in a new document: an empty paragraph, or a table with one blank row. */
export function buildStartingBlock(block: TemplateBlock): JSONNode {
  switch (block.kind) {
    case 'indicatorTable':
      return buildTable(INDICATOR_TABLE_COLUMNS, [[]]);
    case 'actionPlanTable':
      return buildTable(ACTION_PLAN_TABLE_COLUMNS, [[]]);
    case 'prose':
      return buildParagraph();
  }
}

/**
 * The body of a new strategy made from `template`, as ProseMirror JSON for `editorSchema()`: every
 * template section in order as a `section` node (status not started, no lead) holding its title,
 * its starting blocks, then its subsections. The template's id and version are recorded beside the
 * body, in the document's meta map (see strategyMeta.ts), not in it.
 */
export function buildStrategyContent(template: Template): JSONNode {
  const build = (section: TemplateSection | TemplateSubsection, level: 2 | 3): JSONNode =>
    buildSection(section.key, {
      title: section.title,
      level,
      content: section.blocks.map(buildStartingBlock),
      children: (section.children ?? []).map((child) => build(child, 3)),
    });
  return { type: 'doc', content: template.sections.map((section) => build(section, 2)) };
}
