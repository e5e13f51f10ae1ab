import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readThreads } from '@lcs/shared';
import { startServer } from './harness.ts';
import type { RunningServer } from './harness.ts';

/**
 * Comment actions sent twice, as the offline outbox does when an answer was lost (the server wrote
 * the change, the connection dropped before the client heard): the second time changes nothing and
 * still succeeds, while the same action by someone else, or after a conflicting one, is refused.
 */
let server: RunningServer;
let strategyId: string;
const people: Record<'member' | 'otherMember' | 'expert', { personId: string; cookie: string }> = {} as never;

beforeAll(async () => {
  server = await startServer();
  const w = await server.api('POST', '/api/workshops', { name: 'W', place: 'P', startsOn: '2024-10-21', endsOn: '2024-10-25' });
  const team = await server.api('POST', `/api/workshops/${w.body.workshop.id}/teams`, { country: 'Senegal', cities: ['Dakar'] });
  strategyId = await server.createDocument('Dakar', team.body.team.id);
  const opts = { workshopId: w.body.workshop.id, teamId: team.body.team.id };
  people.member = await server.join('member', { ...opts, name: 'Moussa' });
  people.otherMember = await server.join('member', { ...opts, name: 'Awa' });
  people.expert = await server.join('expert', { ...opts, name: 'Dr. Ana Expert' });
});
afterAll(async () => {
  await server.stop();
});

/** Any decodable relative position will do: these tests are about the threads, not their text. */
const anchor = (() => {
  const text = new Y.Doc().getText('t');
  text.insert(0, 'Our vision');
  const at = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString('base64');
  return { start: at(0), end: at(3) };
})();

const threadsPath = () => `/api/strategies/${strategyId}/threads`;
/** The threads as everyone sees them: read from the live document the server writes. */
const liveThreads = () => readThreads(server.app.collab.registry.loaded.get(strategyId)!.ydoc);
const liveThread = (id: string) => liveThreads().find((t) => t.id === id)!;

/** How many changes the live document goes through while `action` runs: a no-op makes none. */
async function changesDuring(action: () => Promise<void>): Promise<number> {
  const ydoc = server.app.collab.registry.loaded.get(strategyId)!.ydoc;
  let changes = 0;
  const count = () => void (changes += 1);
  ydoc.on('update', count);
  try {
    await action();
  } finally {
    ydoc.off('update', count);
  }
  return changes;
}

async function newThread(cookie: string, extra: Record<string, unknown> = {}): Promise<{ id: string; commentId: string }> {
  const res = await server.api('POST', threadsPath(), { anchor, quote: 'Our', body: 'Whose vision?', ...extra }, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.thread.id, commentId: res.body.thread.comments[0]?.id };
}

describe('comment actions sent again', () => {
  it('a thread or a reply with an id the client picked is created once, however often it is sent', async () => {
    const body = { id: 'offline-thread-0001', anchor, quote: 'Our', body: 'Written offline' };
    const first = await server.api('POST', threadsPath(), body, people.member.cookie);
    const again = await server.api('POST', threadsPath(), body, people.member.cookie);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.thread).toEqual(first.body.thread);
    expect(liveThreads().filter((t) => t.id === 'offline-thread-0001')).toHaveLength(1);

    const reply = { id: 'offline-reply-0001', body: 'And a reply, also offline' };
    const path = `${threadsPath()}/offline-thread-0001/comments`;
    expect((await server.api('POST', path, reply, people.member.cookie)).body).toEqual({ commentId: 'offline-reply-0001' });
    expect((await server.api('POST', path, reply, people.member.cookie)).status).toBe(201);
    expect(liveThread('offline-thread-0001').comments.map((c) => c.body)).toEqual(['Written offline', 'And a reply, also offline']);

    // Someone else cannot take over (or overwrite) those ids.
    expect((await server.api('POST', threadsPath(), { ...body, body: 'Mine now' }, people.otherMember.cookie)).status).toBe(409);
    expect((await server.api('POST', path, { ...reply, body: 'Mine now' }, people.otherMember.cookie)).status).toBe(409);
    expect(liveThread('offline-thread-0001').comments.map((c) => c.body)).toEqual(['Written offline', 'And a reply, also offline']);
    expect((await server.api('POST', threadsPath(), { ...body, id: 'short' }, people.member.cookie)).status).toBe(400);
  });

  it('an edit sent twice is one edit; an edit of a deleted comment is refused and the comment stays deleted', async () => {
    const { id, commentId } = await newThread(people.member.cookie);
    const path = `${threadsPath()}/${id}/comments/${commentId}`;
    expect((await server.api('PATCH', path, { body: 'Whose vision: the council’s?' }, people.member.cookie)).status).toBe(204);
    const editedAt = liveThread(id).comments[0]!.editedAt;
    expect(editedAt).not.toBeNull();
    const again = changesDuring(async () => {
      expect((await server.api('PATCH', path, { body: 'Whose vision: the council’s?' }, people.member.cookie)).status).toBe(204);
    });
    expect(await again).toBe(0);
    expect(liveThread(id).comments[0]).toMatchObject({ body: 'Whose vision: the council’s?', editedAt });

    expect((await server.api('DELETE', path, undefined, people.member.cookie)).status).toBe(204);
    expect((await server.api('DELETE', path, undefined, people.member.cookie)).status).toBe(204);
    expect((await server.api('DELETE', path, undefined, people.otherMember.cookie)).status).toBe(403);
    const late = await server.api('PATCH', path, { body: 'Edited on another device' }, people.member.cookie);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('comment_deleted');
    expect(liveThread(id).comments[0]).toMatchObject({ deleted: true, body: '' });
  });

  it('resolving a resolved thread changes nothing, and keeps who resolved it first', async () => {
    const { id } = await newThread(people.expert.cookie);
    const resolve = (cookie: string, resolved: boolean) => server.api('POST', `${threadsPath()}/${id}/resolve`, { resolved }, cookie);
    expect((await resolve(people.member.cookie, true)).status).toBe(204);
    const first = liveThread(id);
    const again = changesDuring(async () => {
      expect((await resolve(people.otherMember.cookie, true)).status).toBe(204);
      expect((await resolve(people.member.cookie, true)).status).toBe(204);
    });
    expect(await again).toBe(0);
    expect(liveThread(id)).toMatchObject({ resolved: true, resolvedBy: people.member.personId, resolvedAt: first.resolvedAt });
    expect((await resolve(people.member.cookie, false)).status).toBe(204);
    expect((await resolve(people.member.cookie, false)).status).toBe(204);
    expect(liveThread(id)).toMatchObject({ resolved: false, resolvedBy: null });
  });

  it('a decision sent again with its request id succeeds again; anyone else’s later decision is refused', async () => {
    const { id } = await newThread(people.expert.cookie, { body: '', suggestion: { replacement: 'Dakar’s' } });
    const decide = (cookie: string, decision: string, requestId?: string) => server.api('POST', `${threadsPath()}/${id}/decision`, { decision, requestId }, cookie);
    expect((await decide(people.member.cookie, 'accepted', 'accept-request-1')).status).toBe(204);
    const again = changesDuring(async () => {
      expect((await decide(people.member.cookie, 'accepted', 'accept-request-1')).status).toBe(204);
    });
    expect(await again).toBe(0);
    // The same person from another device (another request), someone else, or another decision: refused.
    expect((await decide(people.member.cookie, 'accepted', 'accept-request-2')).status).toBe(409);
    expect((await decide(people.member.cookie, 'accepted')).status).toBe(409);
    expect((await decide(people.otherMember.cookie, 'accepted', 'accept-request-1')).status).toBe(409);
    const rejected = await decide(people.member.cookie, 'rejected', 'accept-request-1');
    expect(rejected.status).toBe(409);
    expect(rejected.body.error.message).toBe('This suggestion was already accepted');
    expect(liveThread(id).suggestion).toMatchObject({ status: 'accepted', decidedBy: people.member.personId });
  });
});
