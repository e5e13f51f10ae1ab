import { describe, expect, it } from 'vitest';
import { createIdentity, identityStorageKey, loadIdentity, normalizeName, parseIdentity } from './identity.ts';

/** An in-memory stand-in for localStorage. */
function buildStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('local identity', () => {
  it('creates a name and a #rrggbb colour the caret extension accepts', () => {
    const identity = createIdentity(() => 0);
    expect(identity).toEqual({ name: 'Curious Heron', color: '#d9480f' });
    expect(createIdentity(() => 0.999).color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('is created once and then kept in storage', () => {
    const storage = buildStorage();
    const first = loadIdentity(storage, () => 0.5);
    const second = loadIdentity(storage, () => 0);
    expect(second).toEqual(first);
    expect(JSON.parse(storage.items.get(identityStorageKey) ?? '')).toEqual(first);
  });

  it('replaces a stored value that is not a valid identity', () => {
    for (const raw of ['not json', '42', '{"name":"Ada"}', '{"name":"Ada","color":"red"}', '{"name":"   ","color":"#112233"}']) {
      expect(parseIdentity(raw), raw).toBeNull();
      const storage = buildStorage({ [identityStorageKey]: raw });
      expect(loadIdentity(storage, () => 0).name).toBe('Curious Heron');
    }
  });

  it('still works without storage at all', () => {
    expect(loadIdentity(null, () => 0).name).toBe('Curious Heron');
  });

  it('tidies names: trims, collapses spaces and caps the length', () => {
    expect(normalizeName('  Ada   Lovelace ')).toBe('Ada Lovelace');
    expect(normalizeName('x'.repeat(100))).toHaveLength(40);
    expect(parseIdentity('{"name":" Ada ","color":"#AABBCC"}')).toEqual({ name: 'Ada', color: '#aabbcc' });
  });
});
