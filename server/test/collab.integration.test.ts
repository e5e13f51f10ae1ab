import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemoryStorage } from '../src/storage/memoryStorage.ts';
import { connectClient, eventually, startServer, waitForSync } from './harness.ts';
import type { Client, RunningServer } from './harness.ts';

describe('collaboration over real y-websocket providers', () => {
  let server: RunningServer;
  const clients: Client[] = [];
  const connect = (id: string) => {
    const c = connectClient(server.wsUrl, id);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await startServer({ UNLOAD_DELAY_MS: 100 });
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await server.stop();
  });

  it('two clients converge on each other\'s edits', async () => {
    const id = await server.createDocument();
    const a = connect(id);
    const b = connect(id);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    a.text.insert(0, 'Vision: a city where everyone learns. ');
    b.text.insert(0, 'Ziwa la kujifunza — ');
    await eventually(() => {
      expect(a.text.toString()).toBe(b.text.toString());
      expect(a.text.toString()).toContain('Vision');
      expect(a.text.toString()).toContain('Ziwa');
    });
  });

  it('a failed append drops the document: every socket on it closes with 4500, nothing is relayed, and after reconnecting the edit arrives and is stored', async () => {
    const id = await server.createDocument();
    const a = connect(id);
    const b = connect(id);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    a.text.insert(0, 'kept. ');
    await eventually(() => expect(b.text.toString()).toBe('kept. '));
    const storage = server.app.storage as MemoryStorage;
    const closes: number[] = [];
    for (const c of [a, b]) c.provider.on('connection-close', (event: { code: number } | null) => void (event && closes.push(event.code)));
    const first = server.app.collab.registry.loaded.get(id);

    storage.failing.add('appendUpdate');
    a.text.insert(a.text.length, 'not yet stored.');
    await eventually(() => expect(closes.filter((code) => code === 4500).length).toBeGreaterThanOrEqual(2));
    expect(b.text.toString()).toBe('kept. ');
    expect(first?.state).toBe('destroyed');

    storage.failing.delete('appendUpdate');
    await eventually(() => expect(b.text.toString()).toBe('kept. not yet stored.'));
    const stored = new Y.Doc();
    const { snapshot, updates } = await storage.loadState(id);
    for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(stored, u);
    expect(stored.getText('t').toString()).toBe('kept. not yet stored.');
  });

  it('a late joiner receives the stored state, and an unloaded document reloads it', async () => {
    const id = await server.createDocument();
    const a = connect(id);
    await waitForSync(a);
    a.text.insert(0, '学习型城市');
    await eventually(() => expect(server.app.collab.registry.loaded.get(id)?.ydoc.getText('t').toString()).toBe('学习型城市'));
    a.destroy();
    await eventually(() => expect(server.app.collab.registry.loaded.size).toBe(0));
    const b = connect(id);
    await waitForSync(b);
    expect(b.text.toString()).toBe('学习型城市');
  });

  it('refuses a document that does not exist with 4404', async () => {
    const c = connect('no-such-doc');
    const code = await new Promise<number>((resolve) => c.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? -1)));
    expect(code).toBe(4404);
  });

  it('relays presence (awareness) between clients and clears it on disconnect', async () => {
    const id = await server.createDocument();
    const a = connect(id);
    const b = connect(id);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Amina', color: '#c2410c' });
    await eventually(() => expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Amina', color: '#c2410c' } }));
    a.provider.disconnect();
    await eventually(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });

  it('stores nothing for clients that join without editing (their empty sync step 2)', async () => {
    const id = await server.createDocument();
    const joiners = [connect(id), connect(id), connect(id)];
    await Promise.all(joiners.map((c) => waitForSync(c)));
    await eventually(() => expect(server.app.collab.registry.loaded.get(id)?.connections.size).toBe(3));
    // A later edit proves the joiners' frames were all processed before we look at the log.
    joiners[0]!.text.insert(0, 'x');
    await eventually(async () => expect((await server.app.storage.loadState(id)).updates).toHaveLength(1));
  });
});
