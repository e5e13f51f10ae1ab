import type { Block, ExportModel, TableBlock } from './exportModel.ts';
import { headingPrefix } from './exportModel.ts';
import { escapeMarkdown, markdownInline } from './markdownInline.ts';

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split('\n')
    .map((line, index) => (line === '' ? line : (index === 0 ? first : prefix) + line))
    .join('\n');
}

// Inside a table cell a pipe ends the cell and a newline ends the row, whatever else escapes.
function cellMarkdown(blocks: readonly Block[]): string {
  const escapeCell = (text: string) => escapeMarkdown(text).replace(/\n/g, ' ');
  const parts = blocks.flatMap((block): string[] => {
    if (block.type === 'paragraph' || block.type === 'heading') return [markdownInline(block.inlines, '<br>', escapeCell)];
    if (block.type === 'list') return block.items.map((item, index) => `${block.ordered ? `${block.start + index}.` : '•'} ${cellMarkdown(item)}`);
    if (block.type === 'code') return [block.text.split('\n').map((line) => `\`${line.replace(/\|/g, '\\|')}\``).join('<br>')];
    if (block.type === 'quote' || block.type === 'guidance') return [cellMarkdown(block.type === 'quote' ? block.blocks : [])];
    return [];
  });
  return parts.join('<br>');
}

function tableMarkdown(table: TableBlock): string {
  // GFM tables must have a heading row: without one in the document, the first row serves as it.
  const width = Math.max(table.columnCount, 1);
  const row = (cells: readonly (string | undefined)[]) => `| ${Array.from({ length: width }, (_, index) => cells[index] ?? '').join(' | ')} |`;
  const [head = [], ...body] = table.rows.map((cells) => cells.map((cell) => cellMarkdown(cell.blocks)));
  return [row(head), row(Array.from({ length: width }, () => '---')), ...body.map(row)].join('\n');
}

function codeFence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

function blockMarkdown(block: Block): string | null {
  switch (block.type) {
    case 'heading':
      // The document title is the one level-1 heading; sections start at level 2.
      return `${'#'.repeat(Math.min(block.level + 1, 6))} ${headingPrefix(block)}${markdownInline(block.inlines, ' ')}`;
    case 'paragraph':
      return markdownInline(block.inlines);
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '- ';
          const body = blocksMarkdown(item, true);
          return indent(body, ' '.repeat(marker.length), marker).trimEnd() || marker.trimEnd();
        })
        .join('\n');
    case 'table':
      return tableMarkdown(block);
    case 'quote':
      return indent(blocksMarkdown(block.blocks), '> ').replace(/^$/gm, '>');
    case 'code': {
      const fence = codeFence(block.text);
      return `${fence}${block.language ?? ''}\n${block.text}\n${fence}`;
    }
    case 'rule':
      return '---';
    case 'guidance':
      return [`> **${escapeMarkdown(block.label)}**`, '>', ...block.questions.map((question) => `> - ${escapeMarkdown(question)}`)].join('\n');
    case 'pageBreak':
      return null;
  }
}

/** Blocks separated by blank lines; in a list item a nested list follows on the next line, so the list stays tight. */
function blocksMarkdown(blocks: readonly Block[], inListItem = false): string {
  let out = '';
  for (const block of blocks) {
    const text = blockMarkdown(block);
    if (text === null || text === '') continue;
    out += out === '' ? text : `${inListItem && block.type === 'list' ? '\n' : '\n\n'}${text}`;
  }
  return out;
}

/** GitHub-flavoured Markdown of a strategy: title, cover details as a list, then the body. */
export function toMarkdown(model: ExportModel): string {
  const cover = model.cover.map((line) => `- **${escapeMarkdown(line.label)}:** ${escapeMarkdown(line.value)}`).join('\n');
  return [`# ${escapeMarkdown(model.title)}`, cover, blocksMarkdown(model.blocks)].filter((part) => part !== '').join('\n\n') + '\n';
}
