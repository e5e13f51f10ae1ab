import { describe, expect, it } from 'vitest';
import type { PersonDto } from '@lcs/shared';
import { memoryStore } from './keyValueStore.ts';
import { buildStrategySummary } from './buildStrategySummary.ts';
import {
  cachedMeKey,
  cachedStrategiesKey,
  forgetCachedSession,
  maxCachedStrategies,
  readCachedMe,
  readCachedStrategy,
  writeCachedMe,
  writeCachedStrategy,
} from './offlineCache.ts';

function buildPerson(overrides: Partial<PersonDto> = {}): PersonDto {
  return { id: 'p1', displayName: 'Amina', color: '#1f5f8b', role: 'member', workshopId: 'w1', teamIds: ['t1'], revoked: false, ...overrides };
}

describe('offline cache', () => {
  it('gives back the signed-in person it was given, with when it was saved', () => {
    const store = memoryStore();
    const me = { person: buildPerson(), workshop: null };
    writeCachedMe(store, me, 1234);
    expect(readCachedMe(store)).toEqual({ data: me, savedAt: 1234 });
  });

  it('has nothing for a device that never signed in, or whose entry is damaged', () => {
    const store = memoryStore();
    expect(readCachedMe(store)).toBeNull();
    store.setItem(cachedMeKey, '{not json');
    expect(readCachedMe(store)).toBeNull();
    store.setItem(cachedMeKey, JSON.stringify({ data: { person: { name: 'no id' }, workshop: null }, savedAt: 1 }));
    expect(readCachedMe(store)).toBeNull();
  });

  it('keeps each strategy per person, with its access', () => {
    const store = memoryStore();
    writeCachedStrategy(store, 'p1', buildStrategySummary({ id: 'd1', access: 'edit' }), 1);
    writeCachedStrategy(store, 'p1', buildStrategySummary({ id: 'd2', access: 'read' }), 2);
    expect(readCachedStrategy(store, 'p1', 'd1')?.data.access).toBe('edit');
    expect(readCachedStrategy(store, 'p1', 'd2')).toEqual({ data: buildStrategySummary({ id: 'd2', access: 'read' }), savedAt: 2 });
    // Someone else signing in on this device does not get the first person's access.
    expect(readCachedStrategy(store, 'p2', 'd1')).toBeNull();
  });

  it('replaces a strategy opened again with its newer access', () => {
    const store = memoryStore();
    writeCachedStrategy(store, 'p1', buildStrategySummary({ access: 'edit' }), 1);
    writeCachedStrategy(store, 'p1', buildStrategySummary({ access: 'comment' }), 2);
    expect(readCachedStrategy(store, 'p1', 'd1')).toMatchObject({ data: { access: 'comment' }, savedAt: 2 });
  });

  it('drops the strategies opened longest ago beyond its limit', () => {
    const store = memoryStore();
    for (let i = 0; i <= maxCachedStrategies; i++) writeCachedStrategy(store, 'p1', buildStrategySummary({ id: `d${i}` }), i);
    expect(readCachedStrategy(store, 'p1', 'd0')).toBeNull();
    expect(readCachedStrategy(store, 'p1', `d${maxCachedStrategies}`)).not.toBeNull();
  });

  it('ignores a damaged strategy entry without losing the others', () => {
    const store = memoryStore();
    writeCachedStrategy(store, 'p1', buildStrategySummary({ id: 'd1' }), 1);
    const raw = JSON.parse(store.getItem(cachedStrategiesKey('p1'))!) as Record<string, unknown>;
    store.setItem(cachedStrategiesKey('p1'), JSON.stringify({ ...raw, d2: { data: { id: 'd2', access: 'owner' }, savedAt: 2 } }));
    expect(readCachedStrategy(store, 'p1', 'd2')).toBeNull();
    expect(readCachedStrategy(store, 'p1', 'd1')).not.toBeNull();
  });

  it('forgets the person and their strategies on sign-out', () => {
    const store = memoryStore();
    writeCachedMe(store, { person: buildPerson(), workshop: null });
    writeCachedStrategy(store, 'p1', buildStrategySummary());
    forgetCachedSession(store);
    expect(readCachedMe(store)).toBeNull();
    expect(store.getItem(cachedStrategiesKey('p1'))).toBeNull();
  });

  it('survives a full store: the write is lost, nothing throws', () => {
    const full = { ...memoryStore(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => writeCachedStrategy(full, 'p1', buildStrategySummary())).not.toThrow();
    expect(readCachedStrategy(full, 'p1', 'd1')).toBeNull();
  });
});
