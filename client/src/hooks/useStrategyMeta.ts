import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readStrategyMeta, STRATEGY_META_MAP } from '@lcs/shared';
import type { StrategyMeta } from '@lcs/shared';

const noDocument = {
  subscribe: () => () => {},
  get: (): StrategyMeta | null => null,
};

function strategyMetaStore(ydoc: Y.Doc) {
  let current = readStrategyMeta(ydoc);
  let fingerprint = JSON.stringify(current);
  return {
    subscribe(onChange: () => void): () => void {
      const map = ydoc.getMap(STRATEGY_META_MAP);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    // The same object until the meta really changes, as useSyncExternalStore requires.
    get(): StrategyMeta | null {
      const next = readStrategyMeta(ydoc);
      const nextFingerprint = JSON.stringify(next);
      if (nextFingerprint !== fingerprint) {
        current = next;
        fingerprint = nextFingerprint;
      }
      return current;
    },
  };
}

/**
 * Where the strategy in `ydoc` came from (template, edition, city), or null for a document made
 * without a template, not loaded yet, or no document. Follows the document: it arrives with the
 * first sync.
 */
export function useStrategyMeta(ydoc: Y.Doc | null): StrategyMeta | null {
  const store = useMemo(() => (ydoc ? strategyMetaStore(ydoc) : noDocument), [ydoc]);
  return useSyncExternalStore(store.subscribe, store.get);
}
