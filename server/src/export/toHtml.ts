import type { Block, ExportModel, HeadingBlock, Inline, TableBlock } from './exportModel.ts';
import { headingPrefix } from './exportModel.ts';
import { HTML_STYLES } from './htmlStyles.ts';
import { inlineText } from './readInlines.ts';
import { scriptLanguage } from './textDirection.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

// A text block lets the browser pick its direction from its first strong letter (dir="auto"), so an
// Arabic paragraph reads right to left inside an English document; lang picks fonts and voices.
function textAttributes(inlines: readonly Inline[]): string {
  const lang = scriptLanguage(inlineText(inlines));
  return ` dir="auto"${lang ? ` lang="${lang}"` : ''}`;
}

function inlineHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === 'break') return '<br>';
      let html = escapeHtml(inline.text);
      if (inline.marks.code) html = `<code>${html}</code>`;
      if (inline.marks.strike) html = `<s>${html}</s>`;
      if (inline.marks.underline) html = `<u>${html}</u>`;
      if (inline.marks.italic) html = `<em>${html}</em>`;
      if (inline.marks.bold) html = `<strong>${html}</strong>`;
      return inline.href ? `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer">${html}</a>` : html;
    })
    .join('');
}

function headingTag(block: HeadingBlock): string {
  // The document title is the page's one h1; sections start at h2.
  return `h${Math.min(block.level + 1, 6)}`;
}

function tableHtml(table: TableBlock): string {
  const width = table.columnCount;
  const rowHtml = (cells: TableBlock['rows'][number], inHead: boolean) => {
    const padded = [...cells, ...Array.from({ length: Math.max(0, width - cells.length) }, () => ({ header: inHead, blocks: [] }))];
    const html = padded.map((cell) => {
      const tag = inHead || cell.header ? 'th' : 'td';
      return `<${tag}${inHead ? ' scope="col"' : ''}>${blocksHtml(cell.blocks)}</${tag}>`;
    });
    return `<tr>${html.join('')}</tr>`;
  };
  const head = table.rows.slice(0, table.headerRows).map((row) => rowHtml(row, true));
  const body = table.rows.slice(table.headerRows).map((row) => rowHtml(row, false));
  return `<table>${head.length > 0 ? `<thead>${head.join('\n')}</thead>` : ''}<tbody>${body.join('\n')}</tbody></table>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const tag = headingTag(block);
      return `<${tag} id="${escapeHtml(block.id)}"${textAttributes(block.inlines)}>${escapeHtml(headingPrefix(block))}${inlineHtml(block.inlines)}</${tag}>`;
    }
    case 'paragraph':
      return `<p${textAttributes(block.inlines)}>${inlineHtml(block.inlines)}</p>`;
    case 'list': {
      const items = block.items.map((item) => `<li>${blocksHtml(item)}</li>`).join('\n');
      return block.ordered ? `<ol${block.start !== 1 ? ` start="${block.start}"` : ''}>\n${items}\n</ol>` : `<ul>\n${items}\n</ul>`;
    }
    case 'table':
      return tableHtml(block);
    case 'quote':
      return `<blockquote>\n${blocksHtml(block.blocks)}\n</blockquote>`;
    case 'code':
      return `<pre dir="ltr"><code${block.language ? ` class="language-${escapeHtml(block.language)}"` : ''}>${escapeHtml(block.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'guidance':
      return `<aside class="guidance"><p class="guidance-label">${escapeHtml(block.label)}</p><ul>${block.questions.map((question) => `<li>${escapeHtml(question)}</li>`).join('')}</ul></aside>`;
    case 'pageBreak':
      return '<div class="page-break" role="presentation"></div>';
  }
}

function blocksHtml(blocks: readonly Block[]): string {
  return blocks.map(blockHtml).join('\n');
}

/** Nested lists of links to the headings the table of contents lists. */
function tocHtml(blocks: readonly Block[]): string {
  const entries = blocks.filter((block): block is HeadingBlock => block.type === 'heading' && block.inToc);
  if (entries.length === 0) return '';
  let html = '';
  let depth = 0;
  for (const entry of entries) {
    while (depth < entry.level) html += depth++ === 0 ? '<ol>' : '<li class="toc-nest"><ol>';
    while (depth > entry.level) html += --depth === 0 ? '</ol>' : '</ol></li>';
    const label = headingPrefix(entry) + inlineText(entry.inlines);
    html += `<li><a href="#${escapeHtml(entry.id)}" dir="auto">${escapeHtml(label)}</a></li>`;
  }
  while (depth > 0) html += --depth === 0 ? '</ol>' : '</ol></li>';
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2>${html}</nav>`;
}

/** A standalone HTML document (one file, no external resources) with a print stylesheet. */
export function toHtml(model: ExportModel): string {
  const cover = model.cover.map((line) => `<dt>${escapeHtml(line.label)}</dt><dd dir="auto">${escapeHtml(line.value)}</dd>`).join('');
  return `<!doctype html>
<html lang="${escapeHtml(model.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<header class="cover"><h1 dir="auto">${escapeHtml(model.title)}</h1>${cover ? `<dl>${cover}</dl>` : ''}</header>
${tocHtml(model.blocks)}
<main>
${blocksHtml(model.blocks)}
</main>
</body>
</html>
`;
}
