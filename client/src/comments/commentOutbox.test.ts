import { describe, expect, it } from 'vitest';
import { outboxKey, readOutbox, replayOutbox, writeOutbox } from './commentOutbox.ts';
import type { OutboxEntry, SendFailure } from './commentOutbox.ts';
import { memoryStore } from '../lib/keyValueStore.ts';

const reply = (id: string, error: string | null = null): OutboxEntry => ({
  id,
  kind: 'reply',
  threadId: 't1',
  body: { body: `reply ${id}`, mentions: [] },
  createdAt: '2026-01-01T10:00:00.000Z',
  error,
});

class Offline extends Error {}
class Refused extends Error {}
const classify = (error: unknown): SendFailure => (error instanceof Offline ? { retry: true } : { retry: false, message: (error as Error).message });

describe('comment outbox', () => {
  it('sends queued comments in the order they were written and empties', async () => {
    const sent: string[] = [];
    const progress: string[][] = [];
    const left = await replayOutbox([reply('a'), reply('b'), reply('c')], async (e) => void sent.push(e.id), classify, (r) => progress.push(r.map((e) => e.id)));
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(left).toEqual([]);
    expect(progress).toEqual([['b', 'c'], ['c'], []]);
  });

  it('stops at the first failure worth retrying, so nothing overtakes it', async () => {
    const sent: string[] = [];
    const left = await replayOutbox(
      [reply('a'), reply('b'), reply('c')],
      async (e) => {
        if (e.id === 'b') throw new Offline();
        sent.push(e.id);
      },
      classify,
      () => {},
    );
    expect(sent).toEqual(['a']);
    expect(left.map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('keeps a refused comment with the reason and carries on with the rest', async () => {
    const left = await replayOutbox(
      [reply('a'), reply('b')],
      async (e) => {
        if (e.id === 'a') throw new Refused('The thread was deleted');
      },
      classify,
      () => {},
    );
    expect(left).toEqual([reply('a', 'The thread was deleted')]);
  });

  it('leaves alone what was already refused', async () => {
    const sent: string[] = [];
    const left = await replayOutbox([reply('a', 'refused'), reply('b')], async (e) => void sent.push(e.id), classify, () => {});
    expect(sent).toEqual(['b']);
    expect(left).toEqual([reply('a', 'refused')]);
  });

  it('is stored per person and document and survives a reload, ignoring what it cannot read', () => {
    const store = memoryStore();
    const key = outboxKey('me', 'doc');
    writeOutbox(store, key, [reply('a')]);
    expect(readOutbox(store, key)).toEqual([reply('a')]);
    expect(readOutbox(store, outboxKey('you', 'doc'))).toEqual([]);
    store.setItem(key, JSON.stringify([reply('a'), { kind: 'nonsense' }, 42]));
    expect(readOutbox(store, key)).toEqual([reply('a')]);
    writeOutbox(store, key, []);
    expect(store.getItem(key)).toBeNull();
  });
});
