/**
 * The stylesheet of the standalone HTML export: a readable screen layout and a print layout (A4,
 * cover and annexes on their own pages, table header rows repeated on every printed page, rows and
 * headings kept whole). Fonts are the reader's own, with Arabic and CJK families named so a system
 * that has them uses them; the file embeds none, to stay small enough to e-mail.
 */
export const HTML_STYLES = `
:root { color-scheme: light; }
body {
  font-family: "Noto Sans", "Segoe UI", Roboto, Helvetica, Arial, "Noto Naskh Arabic", "Geeza Pro", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Color Emoji", "Segoe UI Emoji", sans-serif;
  line-height: 1.5; color: #1b1b1f; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
}
[lang="ar"] { font-family: "Noto Naskh Arabic", "Geeza Pro", "Segoe UI", serif; }
[lang="zh"] { font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; color: #123b63; }
.cover { border-bottom: 2px solid #123b63; margin-bottom: 2rem; padding-bottom: 1rem; }
.cover h1 { font-size: 2.2rem; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.cover dt { font-weight: 600; }
.cover dd { margin: 0; }
.toc ol { list-style: none; padding-inline-start: 1.2rem; }
.toc > ol { padding-inline-start: 0; }
.toc a { text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #9aa4b1; padding: 0.3rem 0.5rem; vertical-align: top; text-align: start; }
th { background: #e8eef5; }
td p, th p { margin: 0; }
blockquote { border-inline-start: 4px solid #9aa4b1; margin-inline: 0; padding-inline-start: 1rem; color: #3d4450; }
pre { background: #f3f4f6; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
code { font-family: "Noto Sans Mono", Consolas, Menlo, monospace; font-size: 0.95em; }
.guidance { background: #fff8e1; border-inline-start: 4px solid #e0a800; padding: 0.5rem 1rem; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
.guidance-label { font-weight: 600; margin: 0 0 0.25rem; }
.page-break { border-top: 1px dashed #9aa4b1; margin: 2rem 0; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  .cover { border: 0; min-height: 60vh; break-after: page; }
  .toc { break-after: page; }
  .page-break { border: 0; margin: 0; break-before: page; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  tr, img, pre, blockquote, .guidance { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`;
