import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readStrategyMeta, STRATEGY_META_MAP, writeStrategyMeta } from './strategyMeta.ts';

describe('strategy meta', () => {
  it('records the template id, version and city, and reads them back on another replica', () => {
    const doc = new Y.Doc();
    writeStrategyMeta(doc, { templateId: 'learning-city-strategy', templateVersion: 1, city: 'Mombasa' });
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(readStrategyMeta(replica)).toEqual({ templateId: 'learning-city-strategy', templateVersion: 1, city: 'Mombasa' });
  });

  it('is null for a document made without a template', () => {
    expect(readStrategyMeta(new Y.Doc())).toBeNull();
  });

  it('does not trust values of the wrong type', () => {
    const doc = new Y.Doc();
    const map = doc.getMap(STRATEGY_META_MAP);
    map.set('templateId', 'learning-city-strategy');
    map.set('templateVersion', '1');
    expect(readStrategyMeta(doc)).toBeNull();
    map.set('templateVersion', 2);
    map.set('city', 42);
    expect(readStrategyMeta(doc)).toEqual({ templateId: 'learning-city-strategy', templateVersion: 2, city: null });
  });
});
