import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../lib/apiClient.ts';
import { outboxKey, readOutbox, replayOutbox, waitingEntries, writeOutbox } from './commentOutbox.ts';
import type { OutboxEntry, OutboxRequest, SendFailure } from './commentOutbox.ts';
import { CannotApplyError, classifySendError } from './sendErrors.ts';
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

  it('keeps every kind of action across a reload, in order, and drops what lacks the fields its kind needs', () => {
    const store = memoryStore();
    const key = outboxKey('me', 'doc');
    const actions: OutboxEntry[] = (
      [
        { kind: 'thread', body: { anchor: { start: 'AA==', end: 'AA==' }, quote: 'q', body: 'New' } },
        reply('r'),
        { kind: 'edit', threadId: 't1', commentId: 'c1', body: { body: 'Edited', mentions: [] } },
        { kind: 'delete', threadId: 't1', commentId: 'c2' },
        { kind: 'resolve', threadId: 't1', resolved: true },
        { kind: 'decide', threadId: 't2', decision: 'accepted', text: 'the old words' },
        { kind: 'decide', threadId: 't3', decision: 'rejected' },
      ] as OutboxRequest[]
    ).map((request, i) => ({ id: `id-${i}`, createdAt: '2026-01-01T10:00:00.000Z', error: null, ...request }));
    writeOutbox(store, key, actions);
    expect(readOutbox(store, key)).toEqual(actions);

    const damaged = [
      { ...actions[2], commentId: undefined },
      { ...actions[4], resolved: 'yes' },
      { ...actions[5], decision: 'maybe' },
      { ...actions[6], threadId: 7 },
      { ...actions[3], error: 404 },
    ];
    store.setItem(key, JSON.stringify([...damaged, actions[4]]));
    expect(readOutbox(store, key)).toEqual([actions[4]]);
  });

  it('on reconnect, sends every kind in order: a refusal drops only that action, with its reason; trouble stops the rest until the next try', async () => {
    const store = memoryStore();
    const key = outboxKey('me', 'doc');
    const entry = (id: string, request: OutboxRequest): OutboxEntry => ({ ...request, id, createdAt: '2026-01-01T10:00:00.000Z', error: null });
    writeOutbox(store, key, [
      entry('edit-deleted', { kind: 'edit', threadId: 't1', commentId: 'c1', body: { body: 'Edited offline', mentions: [] } }),
      entry('resolve', { kind: 'resolve', threadId: 't1', resolved: true }),
      entry('accept-decided', { kind: 'decide', threadId: 't2', decision: 'accepted', text: 'citizen' }),
      entry('accept-changed', { kind: 'decide', threadId: 't3', decision: 'accepted', text: 'library' }),
      entry('edit-later', { kind: 'edit', threadId: 't1', commentId: 'c2', body: { body: 'Another edit', mentions: [] } }),
      entry('delete', { kind: 'delete', threadId: 't1', commentId: 'c3' }),
    ]);
    // The answers a server gives after others acted meanwhile (see threadWriter), then a hiccup.
    const answers: Record<string, () => void> = {
      'edit-deleted': () => {
        throw new ApiError(409, 'comment_deleted', 'This comment was deleted, so the edit was not saved');
      },
      'accept-decided': () => {
        throw new ApiError(409, 'already_decided', 'This suggestion was already rejected');
      },
      'accept-changed': () => {
        throw new CannotApplyError('The text changed after you accepted this suggestion');
      },
      'edit-later': () => {
        throw new ApiError(503, 'unavailable', 'Try again');
      },
    };
    const sent: string[] = [];
    const send = async (e: OutboxEntry) => {
      sent.push(e.id);
      answers[e.id]?.();
    };
    // As the hook does: what is left is stored after each step, so a reload meanwhile resends nothing twice.
    const replay = () => replayOutbox(readOutbox(store, key), send, classifySendError, (left) => writeOutbox(store, key, left));

    await replay();
    expect(sent).toEqual(['edit-deleted', 'resolve', 'accept-decided', 'accept-changed', 'edit-later']);
    const afterFirst = readOutbox(store, key);
    expect(afterFirst.map((e) => [e.id, e.error])).toEqual([
      ['edit-deleted', 'This comment was deleted, so the edit was not saved'],
      ['accept-decided', 'This suggestion was already rejected'],
      ['accept-changed', 'The text changed after you accepted this suggestion'],
      ['edit-later', null],
      ['delete', null],
    ]);
    expect(waitingEntries(afterFirst).map((e) => e.id)).toEqual(['edit-later', 'delete']);

    // Offline again: nothing is lost and nothing overtakes.
    answers['edit-later'] = () => {
      throw new NetworkError('Cannot reach the server');
    };
    sent.length = 0;
    await replay();
    expect(sent).toEqual(['edit-later']);
    expect(readOutbox(store, key)).toEqual(afterFirst);

    // Back for good: the rest goes, the refused ones stay until the person dismisses them.
    delete answers['edit-later'];
    sent.length = 0;
    await replay();
    expect(sent).toEqual(['edit-later', 'delete']);
    expect(readOutbox(store, key).map((e) => e.id)).toEqual(['edit-deleted', 'accept-decided', 'accept-changed']);
  });

  it('retries when offline, signed out or when the server is in trouble, and keeps anything else as refused with a sentence to show', () => {
    expect(classifySendError(new NetworkError('down'))).toEqual({ retry: true });
    expect(classifySendError(new ApiError(502, 'http_502', 'Bad gateway'))).toEqual({ retry: true });
    // A lapsed session says nothing about the action: it waits until the person is signed in again.
    expect(classifySendError(new ApiError(401, 'unauthenticated', 'Sign in again'))).toEqual({ retry: true });
    expect(classifySendError(new ApiError(404, 'comment_not_found', 'No comment with id c1'))).toEqual({ retry: false, message: 'No comment with id c1' });
    expect(classifySendError(new ApiError(403, 'forbidden', 'Only its author can change a comment'))).toEqual({ retry: false, message: 'Only its author can change a comment' });
    expect(classifySendError(new CannotApplyError('The text was deleted'))).toEqual({ retry: false, message: 'The text was deleted' });
  });
});
