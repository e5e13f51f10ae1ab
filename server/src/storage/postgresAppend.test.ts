import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../test/postgres.ts';
import { appendRows, PREPARE_APPEND } from './postgresAppend.ts';
import { PostgresStorage } from './postgresStorage.ts';

describe('appending rows through the lean submission (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Opening the storage runs the migrations; the test then talks to the tables directly.
    const storage = await PostgresStorage.open(db.url);
    await storage.createDocument({ id: 'a', title: 'A' });
    await storage.createDocument({ id: 'b', title: 'B' });
    await storage.close();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(PREPARE_APPEND);
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  const stored = async () =>
    (await client.query<{ seq: number; doc_id: string; data: Buffer }>('SELECT seq, doc_id, data FROM updates ORDER BY seq')).rows.map((r) => ({
      seq: Number(r.seq),
      id: r.doc_id,
      bytes: [...r.data],
    }));

  it('stores a group in its order and answers with each row number, in that order', async () => {
    const rows = [
      { id: 'a', update: Uint8Array.of(1) },
      { id: 'b', update: Uint8Array.of(2, 0, 2) },
      { id: 'a', update: Uint8Array.of(3) },
    ];
    const seqs = await appendRows(client, rows);
    expect(seqs).toHaveLength(3);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(await stored()).toEqual(rows.map((r, i) => ({ seq: seqs[i], id: r.id, bytes: [...r.update] })));
  });

  it('stores nothing of a group when one row fails, and the connection carries on', async () => {
    const before = await stored();
    const failed = appendRows(client, [
      { id: 'a', update: Uint8Array.of(4) },
      { id: 'missing', update: Uint8Array.of(5) },
      { id: 'b', update: Uint8Array.of(6) },
    ]);
    await expect(failed).rejects.toBeInstanceOf(pg.DatabaseError);
    expect(await stored()).toEqual(before);
    const [seq] = await appendRows(client, [{ id: 'b', update: Uint8Array.of(7) }]);
    expect((await stored()).at(-1)).toEqual({ seq, id: 'b', bytes: [7] });
  });

  it('queues behind other queries on the same client like any query', async () => {
    const [, seqs, count] = await Promise.all([
      client.query('SELECT pg_sleep(0.05)'),
      appendRows(client, [{ id: 'a', update: Uint8Array.of(8) }]),
      client.query<{ n: string }>('SELECT count(*) AS n FROM updates'),
    ]);
    expect(seqs).toHaveLength(1);
    expect(Number(count.rows[0]!.n)).toBe((await stored()).length);
  });
});
