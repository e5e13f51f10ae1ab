import { describe, expect, it } from 'vitest';
import { isDocumentLoaded } from './isDocumentLoaded.ts';

describe('whether a document is loaded for editing', () => {
  it('is not while nothing has arrived', () => {
    expect(isDocumentLoaded({ hasSynced: false, bodyLength: 0 })).toBe(false);
  });

  it('is once the on-device copy brought content, before the server answers', () => {
    expect(isDocumentLoaded({ hasSynced: false, bodyLength: 12 })).toBe(true);
  });

  it('is once the server synced, even an empty document made without a template', () => {
    expect(isDocumentLoaded({ hasSynced: true, bodyLength: 0 })).toBe(true);
  });
});
