import { execFileSync, spawnSync } from 'node:child_process';
import type { Block, ExportModel } from '../exportModel.ts';
import { headingPrefix } from '../exportModel.ts';
import { inlineText } from '../readInlines.ts';

// Helpers for tests that open exports with real consumers (LibreOffice, poppler's pdftotext).
// A missing tool fails the test with the command that installs it: a skipped consumer test
// would let a broken DOCX or PDF pass unnoticed.

/** Throws unless `command` runs; the message names the Debian package that provides it. */
export function requireTool(command: string, aptPackage: string): void {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(`${command} is not installed, and this test needs it to open the export as a reader would. Install it with: apt-get install -y ${aptPackage}`);
  }
}

/** Runs a command and returns its standard output as UTF-8 text. */
export function run(command: string, args: string[], cwd?: string): string {
  return execFileSync(command, args, { encoding: 'utf8', cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}

/** The heading labels and paragraph texts of a model, in reading order (tables left out). */
export function expectedTexts(model: ExportModel): string[] {
  const texts: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'heading') texts.push(headingPrefix(block) + inlineText(block.inlines));
      else if (block.type === 'paragraph') texts.push(inlineText(block.inlines));
      else if (block.type === 'list') block.items.forEach(visit);
      else if (block.type === 'quote') visit(block.blocks);
    }
  };
  visit(model.blocks);
  return texts;
}

/**
 * The first of `expected` that is missing from `text` or out of order (searching on from the
 * previous match), or null when all are there in order. Both sides go through `normalise`.
 */
export function firstOutOfOrder(text: string, expected: readonly string[], normalise: (value: string) => string, from = 0): string | null {
  const haystack = normalise(text);
  let position = from;
  for (const item of expected) {
    const needle = normalise(item);
    const index = haystack.indexOf(needle, position);
    if (index < 0) return item;
    position = index + needle.length;
  }
  return null;
}
