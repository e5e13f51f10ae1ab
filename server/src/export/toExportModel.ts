import type { JSONNode, Template } from '@lcs/shared';
import { flattenSections, SECTION_NODE, SECTION_TITLE_NODE } from '@lcs/shared';
import { commentsAnnex } from './commentsAnnex.ts';
import type { ExportMeta, ExportOptions } from './exportInput.ts';
import type { Block, CoverLine, ExportModel } from './exportModel.ts';
import { keyFeaturesAnnex } from './keyFeaturesAnnex.ts';
import type { SectionHeading } from './keyFeaturesAnnex.ts';
import { readBlocks } from './readBlocks.ts';
import type { BlockContext } from './readBlocks.ts';
import { inlineText, plainSpan, readInlines } from './readInlines.ts';

/** Label of the guidance note: the questions are the product's own, never UNESCO's (DOMAIN.md). */
export const GUIDANCE_LABEL = 'Guidance questions (written by Learning City Studio, not UNESCO text)';

// A title that already starts with its own number ("2.3 Effective learning...", the Key Features
// subsections) keeps it alone: "4.3 2.3 Effective learning" would read as two competing numbers.
const OWN_NUMBER = /^\d+(?:\.\d+)*\.?\s/;

function coverLines(meta: ExportMeta): CoverLine[] {
  const lines: [string, string | null | undefined][] = [
    ['City', meta.city],
    ['Country', meta.country],
    ['Country team', meta.teamName],
    ['Workshop', meta.workshopName],
    ['Date', meta.date],
    ['Status', meta.status],
  ];
  return lines.filter((line): line is [string, string] => typeof line[1] === 'string' && line[1].trim() !== '').map(([label, value]) => ({ label, value: value.trim() }));
}

/**
 * Builds the export model of a strategy document: sections become numbered headings (1, 1.1, ...)
 * followed by their content, then optional guidance notes and annexes. A document without sections
 * (plain blocks) exports too; its blocks are read as they are.
 */
export function toExportModel(doc: JSONNode, meta: ExportMeta, template: Template, options: ExportOptions = {}): ExportModel {
  const templateSections = new Map(flattenSections(template).map(({ section }) => [section.key, section]));
  const usedIds = new Set<string>();
  let anonymous = 0;
  const uniqueId = (wanted: string) => {
    let id = wanted;
    for (let n = 2; usedIds.has(id); n++) id = `${wanted}-${n}`;
    usedIds.add(id);
    return id;
  };
  const context = (depth: number): BlockContext => ({ depth, nextId: () => uniqueId(`heading-${++anonymous}`) });
  const headings = new Map<string, SectionHeading>();
  const blocks: Block[] = [];

  const visit = (nodes: readonly JSONNode[], depth: number, prefix: string) => {
    let count = 0;
    for (const node of nodes) {
      if (node.type !== SECTION_NODE) {
        if (depth === 0 && node.type !== SECTION_TITLE_NODE) blocks.push(...readBlocks([node], context(0)));
        continue;
      }
      const number = `${prefix}${++count}`;
      const key = typeof node.attrs?.key === 'string' ? node.attrs.key : '';
      const templateSection = templateSections.get(key);
      const titleNode = (node.content ?? []).find((child) => child.type === SECTION_TITLE_NODE);
      const titleText = titleNode ? inlineText(readInlines(titleNode)).trim() : '';
      const inlines = titleText !== '' && titleNode ? readInlines(titleNode) : [plainSpan(templateSection?.title ?? (key || 'Untitled section'))];
      const shownNumber = OWN_NUMBER.test(titleText || (templateSection?.title ?? '')) ? null : number;
      const id = uniqueId(key ? `section-${key}` : `section-${number}`);
      blocks.push({ type: 'heading', level: depth + 1, number: shownNumber, inlines, id, inToc: true });
      if (key) headings.set(key, { id, number: shownNumber, title: titleText || (templateSection?.title ?? key) });
      if (options.includeGuidance && templateSection && templateSection.guidance.length > 0) {
        blocks.push({ type: 'guidance', label: GUIDANCE_LABEL, questions: [...templateSection.guidance] });
      }
      blocks.push(...readBlocks(node.content ?? [], context(depth + 1)));
      visit(node.content ?? [], depth + 1, `${number}.`);
    }
  };
  visit(doc.content ?? [], 0, '');

  if (options.includeAnnex ?? true) blocks.push(...keyFeaturesAnnex(doc, template, headings, uniqueId));
  if (options.comments && options.comments.length > 0) blocks.push(...commentsAnnex(options.comments, uniqueId));

  const subject = [meta.city, meta.country].filter((part) => part && part.trim() !== '').join(', ');
  return { title: meta.title.trim() || template.title, language: template.language, cover: coverLines(meta), subject, blocks };
}
