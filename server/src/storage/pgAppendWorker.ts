import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

type Reply = { id: number } | { id: number; error: string; statement: boolean } | { lost: string };

/** The worker: one node-postgres client for appends, in plain JavaScript evaluated as a script. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.pg);
let client = null;
async function connect() {
  const c = new pg.Client({ connectionString: workerData.url });
  c.on('error', (err) => {
    if (client !== c) return;
    client = null;
    parentPort.postMessage({ lost: String((err && err.message) || err) });
  });
  await c.connect();
  await c.query("SET synchronous_commit = off; SET application_name = 'lcs-appends'");
  return c;
}
const bytes = (u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
parentPort.on('message', async ({ id, ids, updates }) => {
  try {
    if (!client) client = await connect();
    await client.query(
      ids.length === 1
        ? { name: 'append-update', text: 'INSERT INTO updates (doc_id, data) VALUES ($1, $2)', values: [ids[0], bytes(updates[0])] }
        : {
            name: 'append-updates',
            text: 'INSERT INTO updates (doc_id, data) SELECT doc_id, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(doc_id, data, n) ORDER BY n',
            values: [ids, updates.map(bytes)],
          },
    );
    parentPort.postMessage({ id });
  } catch (err) {
    const statement = err instanceof pg.DatabaseError;
    if (!statement && client) {
      const broken = client;
      client = null;
      broken.end().catch(() => {});
      parentPort.postMessage({ lost: String((err && err.message) || err) });
    }
    parentPort.postMessage({ id, error: String((err && err.message) || err), statement });
  }
});
`;

/**
 * EXPERIMENT: appends sent from a worker thread with its own connection, so that the PostgreSQL
 * backend each statement wakes preempts that thread, not the event loop.
 */
export class PgAppendWorker {
  readonly #worker: Worker;
  #nextId = 0;
  readonly #pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();

  constructor(url: string, onLost: (reason: Error) => void) {
    const pgPath = createRequire(import.meta.url).resolve('pg');
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pg: pgPath, url } });
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => {
      if ('lost' in reply) return onLost(new Error(`the append connection to PostgreSQL was lost: ${reply.lost}`));
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve();
    });
    const gone = (err?: Error) => {
      for (const waiting of this.#pending.values()) waiting.reject(err ?? new Error('append worker stopped'));
      this.#pending.clear();
    };
    this.#worker.on('error', gone);
    this.#worker.on('exit', () => gone());
  }

  insert(items: { id: string; update: Uint8Array }[]): Promise<void> {
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ids: items.map((i) => i.id), updates: items.map((i) => i.update) });
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
