import type pg from 'pg';

/**
 * The append statement, prepared once per append connection. A statement prepared with SQL
 * `PREPARE` is a named statement of the extended query protocol too, so a Bind message can run it.
 */
const STATEMENT = 'lcs_append';
export const PREPARE_APPEND = `PREPARE ${STATEMENT} (text, bytea) AS INSERT INTO updates (doc_id, data) VALUES ($1, $2) RETURNING seq`;

/** Execute (unnamed portal, every row), the same for every row. */
const EXECUTE = Buffer.from([0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0]);
/** Sync: ends the implicit transaction (commits it, or rolls it back if any message failed). */
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/** Length of a Bind message's body (its length field included) for one row. */
const bindLength = (idBytes: number, updateBytes: number) =>
  4 + // the length itself
  1 + // unnamed portal
  STATEMENT.length + 1 +
  2 + 2 * 2 + // two parameter format codes: text, binary
  2 + 4 + idBytes + 4 + updateBytes + // two parameters, each with its length
  2; // no result format codes: the row number comes back as text

/**
 * The messages that append `rows` in one round trip (PostgreSQL frontend/backend protocol 3.0), as
 * one buffer: for each row a Bind (unnamed portal, the prepared statement, the document id as text
 * and the update as binary) and an Execute, then one Sync. Messages up to a Sync run as one
 * implicit transaction: every row is committed, or none is (after an error the server skips to the
 * Sync and rolls back). No Describe: each row number comes back as a DataRow, in the rows' order.
 */
function appendMessage(rows: readonly { id: string; update: Uint8Array }[]): Buffer {
  let total = SYNC.length;
  const idLengths = rows.map(({ id, update }) => {
    const idBytes = Buffer.byteLength(id, 'utf8');
    total += 1 + bindLength(idBytes, update.byteLength) + EXECUTE.length;
    return idBytes;
  });
  const message = Buffer.allocUnsafe(total);
  let at = 0;
  rows.forEach(({ id, update }, i) => {
    const idBytes = idLengths[i]!;
    at = message.writeUInt8(0x42, at); // 'B'
    at = message.writeInt32BE(bindLength(idBytes, update.byteLength), at);
    at = message.writeUInt8(0, at);
    at += message.write(STATEMENT, at, 'latin1');
    at = message.writeUInt8(0, at);
    at = message.writeInt16BE(2, at);
    at = message.writeInt16BE(0, at);
    at = message.writeInt16BE(1, at);
    at = message.writeInt16BE(2, at);
    at = message.writeInt32BE(idBytes, at);
    at += message.write(id, at, 'utf8');
    at = message.writeInt32BE(update.byteLength, at);
    message.set(update, at);
    at += update.byteLength;
    at = message.writeInt16BE(0, at);
    at += EXECUTE.copy(message, at);
  });
  SYNC.copy(message, at);
  return message;
}

/**
 * A group of appends on the append connection, through node-postgres's `Submittable` interface
 * (the one `pg-cursor` and `pg-query-stream` use): the client queues it like any query, calls
 * `submit` when the connection is free and hands it the answer's messages. Against `client.query`
 * it skips what a general query needs and an append does not: the query config's copy, the value
 * mapping, the protocol writer's buffer per message, a Describe and its row description, the
 * `Result` and its type parsers, the command tag's regular expression, and for several rows the
 * arrays of hex-encoded updates. It is the statement on every edit's path in PostgreSQL mode.
 *
 * `done` is called exactly once: with the rows' sequence numbers, in the rows' order, once
 * PostgreSQL has committed them and is ready for the next query; or with the error (a
 * `DatabaseError` for the statement's own failure, after which nothing was stored; any other error
 * for the connection's, after which what was stored is unknown).
 */
export class AppendSubmission implements pg.Submittable {
  readonly #seqs: number[] = [];
  #done: ((err: Error | null, seqs?: number[]) => void) | null;

  constructor(
    private readonly rows: readonly { id: string; update: Uint8Array }[],
    done: (err: Error | null, seqs?: number[]) => void,
  ) {
    this.#done = done;
  }

  submit(connection: pg.Connection): void {
    connection.stream.write(appendMessage(this.rows));
  }

  handleDataRow(msg: { fields: (string | null)[] }): void {
    this.#seqs.push(Number(msg.fields[0]));
  }

  handleRowDescription(): void {}

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    const seqs = this.#seqs;
    if (seqs.length !== this.rows.length || !seqs.every(Number.isSafeInteger)) {
      this.#finish(new Error(`the append of ${this.rows.length} rows returned ${seqs.length} row numbers`));
    } else this.#finish(null, seqs);
  }

  handleEmptyQuery(): void {
    this.#finish(new Error('the append statement was empty'));
  }

  handlePortalSuspended(): void {
    this.#finish(new Error('the append was suspended'));
  }

  /** The client has already let go of this query: nothing else will arrive for it. */
  handleError(err: Error): void {
    this.#finish(err);
  }

  #finish(err: Error | null, seqs?: number[]): void {
    const done = this.#done;
    this.#done = null;
    done?.(err, seqs);
  }
}

/** Appends `rows` on `client` in one transaction; resolves with their sequence numbers, in their order. */
export function appendRows(client: pg.ClientBase, rows: readonly { id: string; update: Uint8Array }[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    client.query(new AppendSubmission(rows, (err, seqs) => (err ? reject(err) : resolve(seqs!))));
  });
}
