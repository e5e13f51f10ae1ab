import type { JSONNode } from '@lcs/shared';
import type { Inline, Marks } from './exportModel.ts';

const NO_MARKS: Marks = { bold: false, italic: false, strike: false, underline: false, code: false };

/** Marks a span of plain text has: none. Also used to build spans for annexes and covers. */
export function plainSpan(text: string, marks: Partial<Marks> = {}): Inline {
  return { kind: 'text', text, marks: { ...NO_MARKS, ...marks } };
}

// Only http(s) and mailto links survive: an exported file is opened outside the app, where a
// `javascript:` or `file:` link written into the shared document would be a trap for the reader.
const SAFE_LINK = /^(https?:|mailto:)/i;

function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const href = value.trim();
  return SAFE_LINK.test(href) ? href : undefined;
}

/**
 * The inline content of a textblock (paragraph, heading, sectionTitle) as spans. Unknown inline
 * nodes contribute their text, so content from a newer editor still exports readable.
 */
export function readInlines(node: JSONNode): Inline[] {
  const inlines: Inline[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'hardBreak') {
      inlines.push({ kind: 'break' });
      continue;
    }
    if (typeof child.text !== 'string') {
      inlines.push(...readInlines(child));
      continue;
    }
    if (child.text === '') continue;
    const marks: Marks = { ...NO_MARKS };
    let href: string | undefined;
    for (const mark of child.marks ?? []) {
      if (mark.type === 'link') href = safeHref(mark.attrs?.href);
      else if (Object.hasOwn(marks, mark.type)) marks[mark.type as keyof Marks] = true;
    }
    inlines.push(href ? { kind: 'text', text: child.text, marks, href } : { kind: 'text', text: child.text, marks });
  }
  return inlines;
}

/** The plain text of spans; a line break reads as a newline. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'text' ? inline.text : '\n')).join('');
}
