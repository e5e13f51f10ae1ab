/**
 * `--scenario editing-reference-postgres`: the stock `@y/websocket-server`, unchanged but for one
 * thing, loaded before its `server.js` (`node --import tsx --import <this file> server.js`): each
 * document update is appended to PostgreSQL (`DATABASE_URL`) before it is relayed, through the same
 * append path as our PostgreSQL storage (one connection, `synchronous_commit = off`, group commit,
 * the prepared statement of `postgresAppend.ts`). It answers what storing every update first costs
 * on this machine whoever the server is: what separates it from the reference is the append alone.
 *
 * Presence is relayed as the stock server does (at once, not stored). Updates are relayed in the
 * order they happened, each once its own row and every earlier one is committed. A failed append
 * ends the process: it is a benchmark, and a server that relays what it could not store measures
 * something else.
 */
import pg from 'pg';
// The stock server's own module instance: `server.js` imports this same file (`src/utils.js`).
import { docs } from '@y/websocket-server/utils';
import { GroupCommit } from '../src/storage/groupCommit.ts';
import { appendRows, PREPARE_APPEND } from '../src/storage/postgresAppend.ts';

type UpdateHandler = (update: Uint8Array, origin: unknown, doc: unknown, transaction: unknown) => void;
interface ObservableDoc {
  _observers: Map<string, Set<UpdateHandler>>;
  on(event: 'update', handler: UpdateHandler): void;
  off(event: 'update', handler: UpdateHandler): void;
}

const url = process.env.DATABASE_URL;
if (!url) throw new Error('durableReference: DATABASE_URL is not set');

const client = new pg.Client({ connectionString: url, application_name: 'reference-appends' });
client.on('error', (err) => {
  console.error('durableReference: the append connection failed', err);
  process.exit(1);
});
await client.connect();
// The same table as ours, without the foreign key to documents (the stock server has no such table;
// the key made no difference to the append's cost, docs/PERFORMANCE.md "Who preempts the server").
await client.query(`CREATE TABLE IF NOT EXISTS updates (seq BIGSERIAL PRIMARY KEY, doc_id TEXT NOT NULL, data BYTEA NOT NULL);
  CREATE INDEX IF NOT EXISTS updates_doc_seq ON updates (doc_id, seq);
  SET synchronous_commit = off; ${PREPARE_APPEND}`);
const appends = new GroupCommit<{ id: string; update: Uint8Array }, number>((rows) => appendRows(client, rows));

/** Wraps a new document's relay so that it runs once the update is stored, in order. */
function storeBeforeRelay(name: string, doc: ObservableDoc): void {
  const relays = [...(doc._observers.get('update') ?? [])];
  for (const relay of relays) doc.off('update', relay);
  let previous: Promise<unknown> = Promise.resolve();
  doc.on('update', (update, origin, d, transaction) => {
    const stored = appends.add({ id: name, update });
    previous = Promise.all([previous, stored]).then(
      () => {
        for (const relay of relays) relay(update, origin, d, transaction);
      },
      (err: unknown) => {
        console.error('durableReference: an append failed', err);
        process.exit(1);
      },
    );
  });
}

// `getYDoc` builds a document (its relay registered in the constructor) and then puts it in `docs`.
const set = docs.set.bind(docs) as (name: string, doc: unknown) => typeof docs;
docs.set = (name: string, doc: unknown) => {
  storeBeforeRelay(name, doc as ObservableDoc);
  return set(name, doc);
};
