import fs from 'node:fs/promises';
import { builtinTemplate, flattenSections } from '@lcs/shared';
import type { Download } from '@playwright/test';
import { runTool } from '../fixtures/runTool.ts';
import { vision } from '../fixtures/templateSections.ts';
import { expect, test } from '../fixtures/test.ts';

/** French, Arabic (right-to-left) and Chinese in one line: every script has to come out right. */
const sentence = 'Nairobi ville apprenante — مدينة التعلم — 学习型城市';
const latinWords = 'Nairobi ville apprenante';
const title = 'Nairobi learning city strategy';
/** The template's section titles in document order, subsections after their parent. */
const sectionTitles = flattenSections(builtinTemplate).map(({ section }) => section.title);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a section's heading starts in Markdown ("## 2.1 City profile"), or -1. */
function headingAt(markdown: string, sectionTitle: string): number {
  return markdown.search(new RegExp(`^#{2,6} (?:[\\d.]+ )?${escapeRegExp(sectionTitle)}$`, 'm'));
}

async function downloadedFile(download: Download): Promise<string> {
  const failure = await download.failure();
  if (failure) throw new Error(`the download of ${download.suggestedFilename()} failed: ${failure}`);
  return download.path();
}

test.describe('export', () => {
  test('a member exports their strategy as Markdown and as PDF, with every script and every section heading', async ({ users, team }) => {
    const documentId = await team.createStrategy(title);
    const alice = await users.member('Alice');
    await alice.editor.goto(documentId);
    await alice.editor.expectEditable(true);
    await alice.editor.typeInSection(vision, sentence);
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    const markdownDownload = await alice.exportMenu.download('Markdown');
    expect(markdownDownload.suggestedFilename()).toBe('nairobi-learning-city-strategy.md');
    const markdown = await fs.readFile(await downloadedFile(markdownDownload), 'utf8');
    expect(markdown).toMatch(new RegExp(`^# .*${escapeRegExp(title)}`, 'm'));
    expect(markdown).toContain(sentence);
    // Every section of the template, as a heading, in order; the sentence under the first one.
    const headings = sectionTitles.map((section) => headingAt(markdown, section));
    expect(sectionTitles.filter((_, index) => headings[index]! < 0), 'sections without a heading').toEqual([]);
    expect(headings, 'headings in template order').toEqual([...headings].sort((a, b) => a - b));
    const at = markdown.indexOf(sentence);
    expect(at).toBeGreaterThan(headings[0]!);
    expect(at).toBeLessThan(headings[1]!);
    // Guidance was not asked for.
    expect(markdown).not.toContain(builtinTemplate.sections[0]!.guidance[0]!);

    const pdfDownload = await alice.exportMenu.download('PDF');
    expect(pdfDownload.suggestedFilename()).toBe('nairobi-learning-city-strategy.pdf');
    const pdfPath = await downloadedFile(pdfDownload);
    const pdf = await fs.readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await runTool('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], 'poppler-utils')).replace(/\s+/g, ' ');
    expect(text).toContain(latinWords);
    // Arabic and Chinese come out as text too (each word: the extracted order of mixed directions varies).
    for (const word of ['مدينة', 'التعلم', '学习型城市']) expect(text).toContain(word);
    expect(text).toContain(sectionTitles[0]);
  });

  test('a facilitator exports every strategy of the workshop as one ZIP with a folder per country team, watching its progress', async ({ users, team, facilitator }) => {
    // Three teams: Kenya with Alice's strategy, Côte d'Ivoire with one, Ghana with none yet.
    const nairobi = await team.createStrategy(title);
    const ivoryCoast = await facilitator.createTeam(team.workshopId, "Côte d'Ivoire", ['Abidjan']);
    await facilitator.createStrategy(ivoryCoast, 'Abidjan learning city strategy');
    await facilitator.createTeam(team.workshopId, 'Ghana', ['Accra']);

    const alice = await users.member('Alice');
    await alice.editor.goto(nairobi);
    await alice.editor.expectEditable(true);
    await alice.editor.typeInSection(vision, sentence);
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    const fiona = await users.facilitator('Fiona');
    await fiona.page.goto(`/w/${encodeURIComponent(team.workshopId)}`);
    await fiona.exportAll.start(['PDF', 'Markdown']);
    await expect(fiona.exportAll.progress).toBeVisible();
    await expect(fiona.exportAll.progressText).toHaveText('Ready: 4 files.', { timeout: 30_000 });
    await expect(fiona.exportAll.progress).toHaveAttribute('aria-valuenow', '4');
    const download = await fiona.exportAll.download();
    expect(download.suggestedFilename()).toBe('learning-cities-workshop-strategies.zip');

    const zipPath = await downloadedFile(download);
    const entries = (await runTool('unzip', ['-Z1', zipPath], 'unzip')).split('\n').filter(Boolean).sort();
    expect(entries).toEqual([
      'cote-d-ivoire/',
      'cote-d-ivoire/abidjan-learning-city-strategy.md',
      'cote-d-ivoire/abidjan-learning-city-strategy.pdf',
      'ghana/',
      'kenya/',
      'kenya/nairobi-learning-city-strategy.md',
      'kenya/nairobi-learning-city-strategy.pdf',
    ]);
    // The files hold the stored text, not an empty template.
    const kenyaMarkdown = await runTool('unzip', ['-p', zipPath, 'kenya/nairobi-learning-city-strategy.md'], 'unzip');
    expect(kenyaMarkdown).toContain(sentence);
  });
});
