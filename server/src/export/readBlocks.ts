import type { JSONNode } from '@lcs/shared';
import type { Block, TableBlock, TableCell } from './exportModel.ts';
import { inlineText, readInlines } from './readInlines.ts';

/** What block reading needs from its caller: the depth headings sit under, and fresh anchors. */
export interface BlockContext {
  /** Outline depth of the enclosing section (0 outside sections): a content H1 becomes depth + 1. */
  depth: number;
  nextId: () => string;
}

function readTableBlock(node: JSONNode, context: BlockContext): TableBlock {
  const rows: TableCell[][] = (node.content ?? []).map((row) =>
    (row.content ?? []).map((cell) => ({ header: cell.type === 'tableHeader', blocks: readBlocks(cell.content ?? [], context) })),
  );
  let headerRows = 0;
  while (headerRows < rows.length - 1 && (rows[headerRows] ?? []).length > 0 && rows[headerRows]!.every((cell) => cell.header)) headerRows++;
  const columnCount = Math.max(0, ...rows.map((row) => row.length));
  return { type: 'table', headerRows, rows, columnCount };
}

function startOf(node: JSONNode): number {
  const start = node.attrs?.start;
  return typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 1;
}

function readBlock(node: JSONNode, context: BlockContext): Block[] {
  switch (node.type) {
    case 'paragraph': {
      // Blank paragraphs are the editor's empty starters and spacing; a document shows none of them.
      const inlines = readInlines(node);
      return inlines.length === 0 ? [] : [{ type: 'paragraph', inlines }];
    }
    case 'heading': {
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
      return [{ type: 'heading', level: context.depth + Math.min(Math.max(level, 1), 4), number: null, inlines: readInlines(node), id: context.nextId(), inToc: false }];
    }
    case 'bulletList':
    case 'orderedList':
      return [
        {
          type: 'list',
          ordered: node.type === 'orderedList',
          start: startOf(node),
          items: (node.content ?? []).map((item) => readBlocks(item.content ?? [], context)),
        },
      ];
    case 'table':
      return [readTableBlock(node, context)];
    case 'blockquote':
      return [{ type: 'quote', blocks: readBlocks(node.content ?? [], context) }];
    case 'codeBlock': {
      const language = node.attrs?.language;
      return [{ type: 'code', text: inlineText(readInlines(node)), language: typeof language === 'string' && language !== '' ? language : null }];
    }
    case 'horizontalRule':
      return [{ type: 'rule' }];
    default: {
      // A node this exporter does not know (a newer editor's): keep its words rather than drop them,
      // as a container of blocks or as a paragraph of its inline content.
      const children = node.content ?? [];
      const inline = children.some((child) => typeof child.text === 'string' || child.type === 'hardBreak');
      if (!inline) return readBlocks(children, context);
      const inlines = readInlines(node);
      return inlines.length === 0 ? [] : [{ type: 'paragraph', inlines }];
    }
  }
}

/** Content blocks in order; sections and section titles are the caller's business and skipped. */
export function readBlocks(nodes: readonly JSONNode[], context: BlockContext): Block[] {
  return nodes.filter((node) => node.type !== 'section' && node.type !== 'sectionTitle').flatMap((node) => readBlock(node, context));
}
