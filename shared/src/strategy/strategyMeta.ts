import type { Doc } from 'yjs';

/** Name of the Y.Map beside the body that records where a strategy came from. */
export const STRATEGY_META_MAP = 'meta';

/** Where a strategy came from; written once by the server when the strategy is created. */
export interface StrategyMeta {
  templateId: string;
  templateVersion: number;
  city: string | null;
}

/** Writes `meta` into the document's meta map in one Yjs transaction. */
export function writeStrategyMeta(doc: Doc, meta: StrategyMeta): void {
  const map = doc.getMap<unknown>(STRATEGY_META_MAP);
  doc.transact(() => {
    map.set('templateId', meta.templateId);
    map.set('templateVersion', meta.templateVersion);
    map.set('city', meta.city);
  });
}

/**
 * The meta of a strategy made from a template, or null for a document made without one (or not yet
 * synced). Any client can write to a shared map, so each value is checked rather than trusted.
 */
export function readStrategyMeta(doc: Doc): StrategyMeta | null {
  const map = doc.getMap<unknown>(STRATEGY_META_MAP);
  const templateId = map.get('templateId');
  const templateVersion = map.get('templateVersion');
  const city = map.get('city');
  if (typeof templateId !== 'string' || typeof templateVersion !== 'number') return null;
  return { templateId, templateVersion, city: typeof city === 'string' ? city : null };
}
