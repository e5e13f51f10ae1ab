import pg from 'pg';

// BIGINT (int8) columns hold epoch milliseconds and sequence numbers, all far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Schema migrations, in order; `schema_migrations` records which have run. */
const migrations: string[] = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY, title TEXT NOT NULL, team_id TEXT, city TEXT,
     created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL
   );
   CREATE TABLE updates (
     seq BIGSERIAL PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     data BYTEA NOT NULL
   );
   CREATE INDEX updates_doc_seq ON updates (doc_id, seq);
   CREATE TABLE snapshots (
     doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
     data BYTEA NOT NULL, updated_at BIGINT NOT NULL
   );
   CREATE TABLE workshops (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, place TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL,
     online_starts_on TEXT, online_ends_on TEXT, created_at BIGINT NOT NULL
   );
   CREATE TABLE teams (
     id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     country TEXT NOT NULL, cities TEXT NOT NULL, created_at BIGINT NOT NULL
   );
   ALTER TABLE documents ADD CONSTRAINT documents_team FOREIGN KEY (team_id) REFERENCES teams(id) ON DELETE SET NULL;
   CREATE TABLE people (
     id TEXT PRIMARY KEY, display_name TEXT NOT NULL, color TEXT NOT NULL, role TEXT NOT NULL,
     workshop_id TEXT REFERENCES workshops(id) ON DELETE CASCADE, team_ids TEXT NOT NULL,
     created_at BIGINT NOT NULL, revoked_at BIGINT
   );
   CREATE TABLE invitations (
     id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, workshop_id TEXT REFERENCES workshops(id) ON DELETE CASCADE,
     team_id TEXT REFERENCES teams(id) ON DELETE CASCADE, role TEXT NOT NULL, expires_at BIGINT NOT NULL,
     max_uses INTEGER NOT NULL, uses INTEGER NOT NULL DEFAULT 0, revoked_at BIGINT, created_at BIGINT NOT NULL, created_by TEXT
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
     created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT
   );
   CREATE INDEX sessions_person ON sessions (person_id);`,
  `CREATE TABLE templates (
     id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL, created_by TEXT,
     PRIMARY KEY (id, version)
   );`,
];

/**
 * Opens a pool and brings the schema up to date. Several server processes may start at once: the
 * migration runs under an advisory lock, so exactly one applies each step.
 */
export async function openPostgres(connectionString: string, onIdleError: (err: Error) => void = () => {}): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle pooled connection can be cut by the server (restart, failover, admin command). The pool
  // drops that client by itself and the next query opens a new one; without a listener, the 'error'
  // event would instead crash the process.
  pool.on('error', onIdleError);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7201)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    for (let v = rows[0]?.v ?? 0; v < migrations.length; v++) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[v]!);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [v + 1, Date.now()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7201)').catch(() => undefined);
    client.release();
  }
  return pool;
}

/** Runs `fn` in a transaction on one pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
