import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { mulberry32 } from '../../test/random.ts';
import { PRESENCE_TIMEOUT_MS, Presence, type PresenceChange } from './Presence.ts';

/** An awareness update written by hand: [clientId, clock, state JSON text]. */
function update(entries: [number, number, string][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

const created: { destroy(): void }[] = [];
afterEach(() => created.splice(0).forEach((x) => x.destroy()));

function presence(now?: () => number): { presence: Presence; heard: [PresenceChange, unknown][] } {
  const heard: [PresenceChange, unknown][] = [];
  const p = new Presence((change, origin) => heard.push([change, origin]), now);
  created.push(p);
  return { presence: p, heard };
}

/** y-protocols' own Awareness, as every client and the stock server hold presence. */
function stock(): { awareness: awarenessProtocol.Awareness; heard: [PresenceChange, unknown][] } {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const heard: [PresenceChange, unknown][] = [];
  awareness.on('update', (change: PresenceChange, origin: unknown) => heard.push([change, origin]));
  created.push(awareness);
  return { awareness, heard };
}

describe('Presence', () => {
  it('takes exactly what y-protocols takes, in 3,000 random updates, and ends with the same states and clocks', () => {
    const next = mulberry32(7);
    const ours = presence();
    const theirs = stock();
    for (let n = 0; n < 3_000; n++) {
      const entries: [number, number, string][] = [];
      const count = 1 + Math.floor(next() * 3);
      for (let e = 0; e < count; e++) {
        const id = 1 + Math.floor(next() * 6);
        const clock = Math.floor(n / 20) + Math.floor(next() * 4); // mostly newer, sometimes older or equal
        const json = next() < 0.3 ? 'null' : JSON.stringify({ user: { name: `P${id}` }, cursor: next() < 0.2 ? null : { anchor: Math.floor(next() * 9) } });
        entries.push([id, clock, json]);
      }
      const u = update(entries);
      const before = theirs.heard.length;
      ours.presence.apply(u, 'origin');
      awarenessProtocol.applyAwarenessUpdate(theirs.awareness, u, 'origin');
      expect(ours.heard.slice(before)).toEqual(theirs.heard.slice(before));
      if (next() < 0.05) {
        const ids = [1 + Math.floor(next() * 6), 1 + Math.floor(next() * 6)];
        const before = theirs.heard.length;
        ours.presence.remove(ids, null);
        awarenessProtocol.removeAwarenessStates(theirs.awareness, ids, null);
        expect(ours.heard.slice(before)).toEqual(theirs.heard.slice(before));
      }
    }
    expect(ours.heard.length).toBe(theirs.heard.length);
    expect(ours.heard.length).toBeGreaterThan(500);
    expect(ours.presence.clientIds.sort()).toEqual([...theirs.awareness.getStates().keys()].sort());
    for (const id of ours.presence.clientIds) expect(ours.presence.state(id)).toEqual(theirs.awareness.getStates().get(id));
    // Clocks too: a newcomer's copy made from each ends the same.
    const ids = [1, 2, 3, 4, 5, 6].filter((id) => theirs.awareness.meta.has(id));
    expect(ours.presence.encode(ids)).toEqual(awarenessProtocol.encodeAwarenessUpdate(theirs.awareness, ids));
  });

  it('gives a newcomer states a stock client reads as they were sent', () => {
    const { presence: p } = presence();
    p.apply(update([[11, 1, '{"user":{"name":"Amina","color":"#30bced"},"cursor":{"anchor":3,"head":7}}'], [12, 4, '{"user":{"name":"Île ✓ 北京"}}']]), 'a');
    p.apply(update([[13, 2, '{"x":1}']]), 'b');
    p.apply(update([[13, 3, 'null']]), 'b');
    const newcomer = stock();
    awarenessProtocol.applyAwarenessUpdate(newcomer.awareness, p.encode(p.clientIds), 'server');
    expect(Object.fromEntries(newcomer.awareness.getStates())).toEqual({
      11: { user: { name: 'Amina', color: '#30bced' }, cursor: { anchor: 3, head: 7 } },
      12: { user: { name: 'Île ✓ 北京' } },
    });
    expect(p.has(13)).toBe(false);
  });

  it('refuses an update with a state that is not JSON, applying none of it', () => {
    const { presence: p, heard } = presence();
    expect(() => p.apply(update([[1, 1, '{"ok":true}'], [2, 1, '{"broken":']]), 'a')).toThrow(/client 2 is not JSON/);
    expect(() => p.apply(Uint8Array.of(2, 1, 1), 'a')).toThrow();
    expect(p.clientIds).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('drops states not renewed for 30 seconds, as Awareness does, and keeps renewed ones', () => {
    let now = 1_000_000;
    const { presence: p, heard } = presence(() => now);
    p.apply(update([[1, 1, '{}'], [2, 1, '{}']]), 'a');
    now += PRESENCE_TIMEOUT_MS - 1;
    p.apply(update([[2, 2, '{}']]), 'a');
    p.removeOutdated();
    expect(p.clientIds.sort()).toEqual([1, 2]);
    now += 1;
    p.removeOutdated();
    expect(p.clientIds).toEqual([2]);
    expect(heard.at(-1)).toEqual([{ added: [], updated: [], removed: [1] }, 'timeout']);
  });
});
