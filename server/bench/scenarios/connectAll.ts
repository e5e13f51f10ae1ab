import type { BenchClient } from '../BenchClient.ts';
import { mapLimit } from '../stats.ts';

/** Sockets opened at once while connecting a crowd: a steady arrival rather than a storm. */
const CONNECT_CONCURRENCY = 50;

/** Connects every client, at most 50 handshakes in flight; returns the failures' messages. */
export async function connectAll(clients: readonly BenchClient[]): Promise<string[]> {
  const outcomes = await mapLimit(clients, CONNECT_CONCURRENCY, (client) =>
    client.connect().then(
      () => undefined,
      (err: unknown) => (err as Error).message,
    ),
  );
  return outcomes.filter((o): o is string => o !== undefined);
}
