import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyToClipboard } from './copyToClipboard.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('copyToClipboard', () => {
  it('writes the text to the clipboard', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await expect(copyToClipboard('http://localhost:3000/join/abc')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('http://localhost:3000/join/abc');
  });

  it('reports failure where there is no clipboard API, so the caller can fall back', async () => {
    vi.stubGlobal('navigator', {});
    await expect(copyToClipboard('x')).resolves.toBe(false);
  });

  it('reports failure when the browser refuses', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: vi.fn(async () => Promise.reject(new DOMException('denied', 'NotAllowedError'))) } });
    await expect(copyToClipboard('x')).resolves.toBe(false);
  });
});
