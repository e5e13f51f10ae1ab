import type { CollabHook } from './types.ts';

/** Minimum time between two "last edited" writes for one document. */
const TOUCH_INTERVAL_MS = 5_000;

/** Keeps each document's "last edited" time current, at most once per interval per document. */
export function touchOnChange(now: () => number = Date.now): CollabHook {
  const lastTouched = new Map<string, number>();
  return {
    name: 'touchOnChange',
    async onChange({ documentId, storage }) {
      const t = now();
      if (t - (lastTouched.get(documentId) ?? 0) < TOUCH_INTERVAL_MS) return;
      lastTouched.set(documentId, t);
      await storage.touchDocument(documentId, new Date(t));
    },
    afterUnloadDocument({ documentId }) {
      lastTouched.delete(documentId);
    },
  };
}
