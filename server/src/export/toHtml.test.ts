import { builtinTemplate } from '@lcs/shared';
import { describe, expect, it } from 'vitest';
import { buildCraftedStrategy, CRAFTED_META, link, paragraph, SCRIPTS, section, text } from './__fixtures__/buildExportFixtures.ts';
import { textDirection, scriptLanguage } from './textDirection.ts';
import { toExportModel } from './toExportModel.ts';
import { toHtml } from './toHtml.ts';

function html(...content: ReturnType<typeof paragraph>[]): string {
  const doc = { type: 'doc', content: [section('vision-and-motivation', 'Vision', content)] };
  return toHtml(toExportModel(doc, { title: 'T <script>' }, builtinTemplate, { includeAnnex: false }));
}

describe('toHtml', () => {
  it('escapes text, titles and link targets', () => {
    const page = html(paragraph('<img src=x onerror=alert(1)> & "quotes"'), paragraph(link('x', 'https://e.org/?a="b"&c=<d>')));
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(page).toContain('<title>T &lt;script&gt;</title>');
    expect(page).toContain('href="https://e.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;"');
  });

  it('lets each text block find its own direction and marks Arabic and Chinese blocks with their language', () => {
    const page = html(paragraph(SCRIPTS.arabic), paragraph(SCRIPTS.chinese), paragraph(SCRIPTS.french));
    expect(page).toContain(`<p dir="auto" lang="ar">${SCRIPTS.arabic}</p>`);
    expect(page).toContain(`<p dir="auto" lang="zh">${SCRIPTS.chinese}</p>`);
    expect(page).toContain(`<p dir="auto">${SCRIPTS.french}</p>`);
  });

  it('renders marks as semantic elements', () => {
    expect(html(paragraph(text('b', 'bold'), text('i', 'italic'), text('s', 'strike'), text('u', 'underline'), text('c', 'code')))).toContain(
      '<strong>b</strong><em>i</em><s>s</s><u>u</u><code>c</code>',
    );
  });

  it('has a cover, a table of contents linking to every section, and a print stylesheet', () => {
    const page = toHtml(toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate));
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<dt>City</dt><dd dir="auto">Montréal-Nord</dd>');
    expect(page).toContain('<a href="#section-city-profile" dir="auto">2.1 City profile</a>');
    expect(page).toContain('<h3 id="section-city-profile" dir="auto">2.1 City profile</h3>');
    expect(page).toContain('@media print');
    expect(page).toContain('thead { display: table-header-group; }');
    expect(page).toContain('<thead><tr><th scope="col">');
  });
});

describe('textDirection', () => {
  it('is rtl when most letters are right-to-left, even after a leading Latin word', () => {
    expect(textDirection(SCRIPTS.arabic)).toBe('rtl');
    expect(textDirection(`UNESCO ${SCRIPTS.arabic}`)).toBe('rtl');
    expect(textDirection(SCRIPTS.french)).toBe('ltr');
    expect(textDirection('2030')).toBe('ltr');
    expect(scriptLanguage(SCRIPTS.chinese)).toBe('zh');
    expect(scriptLanguage('2030')).toBeNull();
  });
});
