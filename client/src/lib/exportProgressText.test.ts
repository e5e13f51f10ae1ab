import { describe, expect, it } from 'vitest';
import { exportProgressText } from './exportProgressText.ts';

const running = { status: 'running' as const, done: 12, total: 18, current: 'Kenya: Nairobi (pdf)', error: null };

describe('exportProgressText', () => {
  it('counts files and names the last one written while the export runs', () => {
    expect(exportProgressText(running)).toBe('12 of 18 files — Kenya: Nairobi (pdf)');
  });

  it('says it is starting before the server counted the files', () => {
    expect(exportProgressText({ ...running, done: 0, total: 0, current: 'Starting…' })).toBe('Starting…');
    expect(exportProgressText({ ...running, done: 0, total: 1 })).toBe('0 of 1 file');
  });

  it('shortens a long strategy title but keeps the format', () => {
    const text = exportProgressText({ ...running, current: `Kenya: ${'Learning city strategy for Nairobi '.repeat(4)}(docx)` });
    expect(text).toMatch(/^12 of 18 files — Kenya: Learning city strategy for Nairobi.*… \(docx\)$/);
    expect(text.length).toBeLessThan(80);
  });

  it('tells how many files the finished ZIP holds', () => {
    expect(exportProgressText({ ...running, status: 'done', done: 18 })).toBe('Ready: 18 files.');
    expect(exportProgressText({ ...running, status: 'done', done: 0, total: 0 })).toMatch(/no strategies yet/);
  });

  it('gives the reason of a failure', () => {
    expect(exportProgressText({ ...running, status: 'failed', error: 'The export failed; try again' })).toBe('The export failed; try again');
  });
});
