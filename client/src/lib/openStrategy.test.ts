import { describe, expect, it } from 'vitest';
import { memoryStore } from './keyValueStore.ts';
import { ApiError, NetworkError } from './apiClient.ts';
import { buildStrategySummary } from './buildStrategySummary.ts';
import { readCachedStrategy, writeCachedStrategy } from './offlineCache.ts';
import { openStrategy } from './openStrategy.ts';

const summary = buildStrategySummary();

const failWith = (error: unknown) => () => Promise.reject(error);

describe('openStrategy', () => {
  it('remembers the details the server sent', async () => {
    const store = memoryStore();
    const opened = await openStrategy({ documentId: 'd1', personId: 'p1', store, fetchSummary: () => Promise.resolve(summary) });
    expect(opened).toEqual({ summary, offlineSince: null });
    expect(readCachedStrategy(store, 'p1', 'd1')?.data).toEqual(summary);
  });

  it('opens with the remembered access when the server cannot be reached', async () => {
    const store = memoryStore();
    writeCachedStrategy(store, 'p1', summary, 42);
    const opened = await openStrategy({ documentId: 'd1', personId: 'p1', store, fetchSummary: failWith(new NetworkError('down')) });
    expect(opened).toEqual({ summary, offlineSince: 42 });
  });

  it('passes on an unreachable server when nothing was remembered', async () => {
    const error = new NetworkError('down');
    await expect(openStrategy({ documentId: 'd1', personId: 'p1', store: memoryStore(), fetchSummary: failWith(error) })).rejects.toBe(error);
  });

  it('never falls back on a refusal from the server', async () => {
    const store = memoryStore();
    writeCachedStrategy(store, 'p1', summary, 42);
    const forbidden = new ApiError(403, 'forbidden', 'This strategy belongs to another team');
    await expect(openStrategy({ documentId: 'd1', personId: 'p1', store, fetchSummary: failWith(forbidden) })).rejects.toBe(forbidden);
  });

  it('does not lend one person’s access to another', async () => {
    const store = memoryStore();
    writeCachedStrategy(store, 'p1', summary, 42);
    await expect(openStrategy({ documentId: 'd1', personId: 'p2', store, fetchSummary: failWith(new NetworkError('down')) })).rejects.toBeInstanceOf(NetworkError);
  });
});
