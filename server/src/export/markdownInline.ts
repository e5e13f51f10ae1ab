import type { Inline, Marks, TextSpan } from './exportModel.ts';

// Backslash escapes work before any ASCII punctuation in CommonMark; these are the characters that
// could start emphasis, a link, an HTML tag, a code span or a table cell boundary mid-line.
const INLINE_SPECIAL = /[\\`*_[\]<>~|]/g;

/** Escapes text so Markdown shows it literally, including at the start of a line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (char) => `\\${char}`)
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s)|>|=+\s*$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2');
}

/** A code span that holds any backticks: the fence is one backtick longer than the longest run. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

// Underline has no Markdown syntax; it is dropped rather than written as HTML the reader may see raw.
type Delimited = 'bold' | 'italic' | 'strike';
const DELIMITER: Record<Delimited, string> = { bold: '**', italic: '*', strike: '~~' };
const ORDER: Delimited[] = ['bold', 'italic', 'strike'];

function wanted(marks: Marks): Delimited[] {
  return ORDER.filter((mark) => marks[mark]);
}

function linkTarget(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
}

/**
 * Renders spans of one link (or none) with their marks, opening and closing delimiters only where
 * the marks change, so "**bold *and italic***" stays valid. Whitespace is kept outside delimiters,
 * since "** bold**" is not emphasis in CommonMark.
 */
function renderMarked(spans: readonly TextSpan[], escape: (text: string) => string): string {
  let out = '';
  const open: Delimited[] = [];
  const closeTo = (keep: number) => {
    const trailing = /\s*$/.exec(out)?.[0] ?? '';
    out = out.slice(0, out.length - trailing.length);
    while (open.length > keep) out += DELIMITER[open.pop()!];
    out += trailing;
  };
  for (const span of spans) {
    const marks = wanted(span.marks);
    let keep = 0;
    while (keep < open.length && open[keep] === marks[keep]) keep++;
    closeTo(keep);
    const leading = /^\s*/.exec(span.text)?.[0] ?? '';
    const body = span.text.slice(leading.length);
    out += leading;
    if (body === '') continue;
    for (const mark of marks.slice(open.length)) {
      out += DELIMITER[mark];
      open.push(mark);
    }
    out += span.marks.code ? codeSpan(body) : escape(body);
  }
  closeTo(0);
  return out;
}

/**
 * GitHub-flavoured Markdown for inline content. `escape` defaults to `escapeMarkdown`; a line break
 * becomes `breakWith` (a backslash line break in text, `<br>` inside a table cell).
 */
export function markdownInline(inlines: readonly Inline[], breakWith = '\\\n', escape: (text: string) => string = escapeMarkdown): string {
  let out = '';
  let group: TextSpan[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const href = group[0]!.href;
    const text = renderMarked(group, escape);
    out += href ? `[${text}](${linkTarget(href)})` : text;
    group = [];
  };
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      flush();
      out += breakWith;
    } else {
      if (group.length > 0 && group[0]!.href !== inline.href) flush();
      group.push(inline);
    }
  }
  flush();
  return out;
}
