import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeStoredState } from '../src/storage/mergeState.ts';
import { connectClient, eventually, startServer, tempDir, waitForSync } from './harness.ts';
import type { Client, RunningServer } from './harness.ts';
import { mulberry32 } from './random.ts';

/**
 * The Yjs TestConnector idea over real sockets: several clients make random edits while randomly
 * dropping off and coming back, then everyone (and a newcomer, and the disk) must hold the same
 * document. The operations come from a seeded PRNG: a failure names its seed, and `SEED=<n>`
 * replays the same operations (socket timing still varies, as it does in production).
 */
const seed = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 32));
const CLIENTS = 5;
const OPERATIONS = 300;

const contentOf = (doc: Y.Doc) => ({ text: doc.getText('t').toString(), map: doc.getMap('m').toJSON() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('randomized convergence over real sockets, on SQLite with frequent compaction', () => {
  const data = tempDir('lcs-convergence-');
  let server: RunningServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startServer({ STORAGE: 'sqlite', DATA_DIR: data.dir, COMPACT_AFTER_UPDATES: 20, UNLOAD_DELAY_MS: 50 });
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.stop();
    data.remove();
  });

  it(`${CLIENTS} clients making ${OPERATIONS} random edits with random disconnects end identical (seed ${seed}; replay with SEED=${seed})`, async () => {
    const random = mulberry32(seed);
    const int = (n: number) => Math.floor(random() * n);
    const word = (client: number) => `${'abcde'[client]}${'xyz., '.slice(0, 1 + int(6)).slice(int(3))}`;

    const id = await server.createDocument('Convergence strategy');
    for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(server.wsUrl, id));
    await Promise.all(clients.map((c) => waitForSync(c)));

    for (let op = 0; op < OPERATIONS; op++) {
      const index = int(CLIENTS);
      const client = clients[index]!;
      const text = client.text;
      const map = client.doc.getMap('m');
      const roll = random();
      if (roll < 0.35) text.insert(int(text.length + 1), word(index));
      else if (roll < 0.5) {
        if (text.length > 0) {
          const at = int(text.length);
          text.delete(at, Math.min(1 + int(4), text.length - at));
        }
      } else if (roll < 0.7) map.set(`k${int(8)}`, random() < 0.5 ? int(1000) : word(index));
      else if (roll < 0.78) map.delete(`k${int(8)}`);
      else if (roll < 0.9) {
        if (client.provider.shouldConnect) client.provider.disconnect();
        else client.provider.connect();
      } else await sleep(int(20));
      // Let the sockets move now and then, so messages interleave with the edits.
      if (random() < 0.3) await sleep(0);
    }

    // Compaction ran during the edits: the log was folded into a snapshot at least once.
    expect((await server.app.storage.loadState(id)).snapshot).not.toBeNull();

    clients.forEach((c) => c.provider.shouldConnect || c.provider.connect());
    await eventually(() => expect(clients.every((c) => c.provider.wsconnected && c.provider.synced)).toBe(true));
    await eventually(() => {
      const [first, ...rest] = clients.map((c) => ({ content: contentOf(c.doc), stateVector: Y.encodeStateVector(c.doc) }));
      for (const other of rest) expect(other).toEqual(first);
    });
    const expected = contentOf(clients[0]!.doc);
    expect(expected.text.length + Object.keys(expected.map).length).toBeGreaterThan(0);

    const fresh = connectClient(server.wsUrl, id);
    clients.push(fresh);
    await waitForSync(fresh);
    expect(contentOf(fresh.doc)).toEqual(expected);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(clients[0]!.doc));

    const stored = new Y.Doc();
    Y.applyUpdate(stored, mergeStoredState(await server.app.storage.loadState(id)).update);
    expect(contentOf(stored)).toEqual(expected);
  });
});
