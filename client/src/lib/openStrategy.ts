import type { KeyValueStore } from './keyValueStore.ts';
import type { StrategySummary } from './documentsApi.ts';
import { isServerUnreachable } from './isServerUnreachable.ts';
import { readCachedStrategy, writeCachedStrategy } from './offlineCache.ts';

/** A strategy's details as the document page opens it. */
export interface OpenedStrategy {
  summary: StrategySummary;
  /** When this device saved the details it fell back on because the server could not be reached; null when they are fresh. */
  offlineSince: number | null;
}

export interface OpenStrategyOptions {
  documentId: string;
  /** Whose cached access may be used: never another person's on the same device. */
  personId: string;
  store: KeyValueStore;
  /** `GET /api/strategies/:id` (documentsApi.getDocument). */
  fetchSummary: (documentId: string, signal?: AbortSignal) => Promise<StrategySummary>;
  signal?: AbortSignal;
}

/**
 * Loads a strategy's details and access, and remembers them on this device. When the server cannot
 * be reached, the remembered ones are used, so a reload while offline still opens the editor with
 * the person's access (editable if they could edit); any other failure (401, 403, 404) is thrown.
 */
export async function openStrategy({ documentId, personId, store, fetchSummary, signal }: OpenStrategyOptions): Promise<OpenedStrategy> {
  try {
    const summary = await fetchSummary(documentId, signal);
    writeCachedStrategy(store, personId, summary);
    return { summary, offlineSince: null };
  } catch (error) {
    const cached = isServerUnreachable(error) ? readCachedStrategy(store, personId, documentId) : null;
    if (!cached) throw error;
    return { summary: cached.data, offlineSince: cached.savedAt };
  }
}
