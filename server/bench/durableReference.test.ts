import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../test/waiting.ts';
import { BenchClient } from './BenchClient.ts';
import { startReference } from './serverUnderTest.ts';
import type { ServerUnderTest } from './serverUnderTest.ts';

describe('the reference made durable (editing-reference-postgres)', () => {
  const closing: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });

  it('relays an update only once its row is committed, and stores every update', async () => {
    const server: ServerUnderTest = await startReference({}, true);
    closing.push(() => server.stop());
    const id = await server.createDocument('t');
    const [writer, reader] = [0, 1].map((i) => new BenchClient(i, server.collabUrl(id), undefined, undefined));
    for (const c of [writer!, reader!]) {
      await c.connect();
      closing.push(() => c.close());
    }
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    closing.push(() => db.end());
    const docId = `collab/${id}`;

    // Hold the table: the next append waits, and so must the relay.
    await db.query('BEGIN');
    await db.query('LOCK TABLE updates IN EXCLUSIVE MODE');
    writer!.text.insert(0, 'held');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reader!.text.toString()).toBe('');
    await db.query('COMMIT');
    await eventually(() => expect(reader!.text.toString()).toBe('held'), 5_000);

    writer!.text.insert(4, ' then more');
    await eventually(() => expect(reader!.text.toString()).toBe('held then more'), 5_000);
    // What is stored alone rebuilds the document.
    const { rows } = await db.query<{ data: Buffer }>('SELECT data FROM updates WHERE doc_id = $1 ORDER BY seq', [docId]);
    const rebuilt = new Y.Doc();
    for (const { data } of rows) Y.applyUpdate(rebuilt, data);
    expect(rebuilt.getText('t').toString()).toBe('held then more');
  });
});
