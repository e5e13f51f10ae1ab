import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeStoredState } from '../src/storage/mergeState.ts';
import { SqliteStorage } from '../src/storage/sqliteStorage.ts';
import { startChildServer } from './childServer.ts';
import type { ChildServer } from './childServer.ts';
import { connectClient, eventually, redeem, tempDir, waitForSync } from './harness.ts';
import type { Client } from './harness.ts';

/**
 * The real server as a child process on SQLite: crashed with kill -9, stopped with SIGTERM and
 * restarted on the same DATA_DIR (and port), with real y-websocket providers editing through it.
 */

/** What a document holds: its text and its map, for exact comparisons between docs. */
const contentOf = (doc: Y.Doc) => ({ text: doc.getText('t').toString(), map: doc.getMap('m').toJSON() });

/** A port nobody listens on now, so a restarted server can come back on the address clients retry. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Reads the document straight from the SQLite file, with no server running. */
async function readStored(dataDir: string, id: string) {
  const storage = SqliteStorage.inDirectory(dataDir);
  try {
    const state = await storage.loadState(id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergeStoredState(state).update);
    return { state, content: contentOf(doc) };
  } finally {
    await storage.close();
  }
}

/** Parsed JSON log lines of a child server (pino: level 50 is error, 60 fatal). */
const logEntries = (server: ChildServer) =>
  server
    .log()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string });

describe('the server process on SQLite', () => {
  let data: ReturnType<typeof tempDir>;
  const servers: ChildServer[] = [];
  const clients: Client[] = [];
  let cookie = '';

  const start = async (env: Record<string, string> = {}) => {
    const server = await startChildServer({ STORAGE: 'sqlite', DATA_DIR: data.dir, ...env });
    servers.push(server);
    return server;
  };
  const connect = (server: ChildServer, id: string) => {
    const client = connectClient(server.wsUrl, id, { cookie });
    clients.push(client);
    return client;
  };
  /** Signs in through the first-facilitator link the fresh server printed, and creates a strategy. */
  const createDocument = async (server: ChildServer) => {
    cookie = (await redeem(server.httpUrl, server.facilitatorLink!, 'Fatima Facilitator')).cookie;
    const res = await fetch(`${server.httpUrl}/api/strategies`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Nairobi learning city strategy', teamId: null }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { document: { id: string } }).document.id;
  };

  /** Two clients take turns editing text and map; resolves once each has seen all of the other's edits. */
  const editTogether = async (a: Client, b: Client, rounds = 15) => {
    for (let i = 0; i < rounds; i++) {
      a.text.insert(Math.floor(a.text.length / 2), `a${i} `);
      b.text.insert(b.text.length, `b${i} `);
      if (i % 4 === 3) b.text.delete(0, 1);
      a.doc.getMap('m').set(`a${i}`, i);
      b.doc.getMap('m').set('last', `b${i}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await eventually(() => {
      expect(contentOf(b.doc)).toEqual(contentOf(a.doc));
      expect(Object.keys(contentOf(a.doc).map)).toHaveLength(rounds + 1);
      expect(contentOf(a.doc).text).toContain(`a${rounds - 1} `);
      expect(contentOf(a.doc).text).toContain(`b${rounds - 1} `);
    });
    return contentOf(a.doc);
  };

  /** A fresh server with a new document that two connected clients have synced. */
  const startWithTwoClients = async (env: Record<string, string> = {}) => {
    const server = await start(env);
    const id = await createDocument(server);
    const a = connect(server, id);
    const b = connect(server, id);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    return { server, id, a, b };
  };

  beforeEach(() => {
    data = tempDir('lcs-crash-');
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await Promise.all(servers.splice(0).map((s) => s.stop('SIGKILL')));
    data.remove();
  });

  it('keeps every edit that was broadcast when the process is killed with kill -9', async () => {
    const { server: first, id, a, b } = await startWithTwoClients();
    const expected = await editTogether(a, b);

    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    // The clients go away too, so whatever the restarted server has came from the disk.
    a.destroy();
    b.destroy();
    expect((await readStored(data.dir, id)).content).toEqual(expected);

    const second = await start();
    const fresh = connect(second, id);
    await waitForSync(fresh);
    expect(contentOf(fresh.doc)).toEqual(expected);
  });

  it('on SIGTERM stores everything, compacts it and exits with code 0', async () => {
    const { server: first, id, a, b } = await startWithTwoClients();
    const expected = await editTogether(a, b);

    expect(await first.stop('SIGTERM')).toBe(0);
    const entries = logEntries(first);
    expect(entries.map((e) => e.msg)).toContain('stopped cleanly');
    expect(entries.filter((e) => e.level >= 50)).toEqual([]);
    // Shutdown unloads the document, which folds the whole log into the snapshot.
    const stored = await readStored(data.dir, id);
    expect(stored.state.snapshot).not.toBeNull();
    expect(stored.state.updates).toEqual([]);
    expect(stored.content).toEqual(expected);
  });

  it('merges the edits a client kept making while the server was down once it is back on the same port', async () => {
    const PORT = String(await freePort());
    const { server: first, id, a, b } = await startWithTwoClients({ PORT });
    await editTogether(a, b, 5);

    await first.stop('SIGKILL');
    await eventually(() => expect(a.provider.wsconnected || b.provider.wsconnected).toBe(false));
    // Both keep editing offline; A's edits are the ones nobody else has seen.
    a.text.insert(0, 'Offline from A. ');
    a.doc.getMap('m').set('offline', 'A');
    b.text.insert(b.text.length, ' Offline from B.');

    const second = await start({ PORT });
    expect(second.port).toBe(first.port);
    await eventually(() => {
      expect(contentOf(a.doc)).toEqual(contentOf(b.doc));
      expect(a.text.toString()).toMatch(/^Offline from A\. .* Offline from B\.$/);
      expect(a.doc.getMap('m').get('offline')).toBe('A');
    });
    const fresh = connect(second, id);
    await waitForSync(fresh);
    await eventually(() => expect(contentOf(fresh.doc)).toEqual(contentOf(a.doc)));
  });
});
