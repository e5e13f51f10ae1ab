import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, readThreads } from '@lcs/shared';
import { connectClient, eventually, startServer, waitForSync } from './harness.ts';
import type { Client, RunningServer } from './harness.ts';

/** Comments and suggestions: written by the server on the author's behalf, read live by everyone. */
let server: RunningServer;
let strategyId: string;
const people: Record<'member' | 'expert' | 'observer' | 'otherMember', { personId: string; cookie: string }> = {} as never;
const clients: Client[] = [];

const anchorOf = (client: Client, from: number, to: number) => ({
  start: Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(client.text, from))).toString('base64'),
  end: Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(client.text, to))).toString('base64'),
});

beforeAll(async () => {
  server = await startServer();
  const w = await server.api('POST', '/api/workshops', { name: 'W', place: 'P', startsOn: '2024-10-21', endsOn: '2024-10-25' });
  const a = await server.api('POST', `/api/workshops/${w.body.workshop.id}/teams`, { country: 'Senegal', cities: ['Dakar'] });
  const b = await server.api('POST', `/api/workshops/${w.body.workshop.id}/teams`, { country: 'Egypt', cities: ['Giza'] });
  strategyId = await server.createDocument('Dakar', a.body.team.id);
  const opts = { workshopId: w.body.workshop.id, teamId: a.body.team.id };
  people.member = await server.join('member', { ...opts, name: 'Moussa' });
  people.expert = await server.join('expert', { ...opts, name: 'Dr. Ana Expert' });
  people.observer = await server.join('observer', { ...opts, name: 'Olu Observer' });
  people.otherMember = await server.join('member', { workshopId: w.body.workshop.id, teamId: b.body.team.id, name: 'Other' });
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.stop();
});

const connect = (cookie: string) => {
  const c = connectClient(server.wsUrl, strategyId, { cookie });
  clients.push(c);
  return c;
};

describe('comment threads', () => {
  it('an expert comments; the member sees it live, replies and resolves; the expert cannot resolve', async () => {
    const member = connect(people.member.cookie);
    await waitForSync(member);
    member.text.insert(0, 'Our vision: a learning city for all.');
    await eventually(() => expect(server.app.collab.registry.loaded.get(strategyId)?.ydoc.getText('t').toString()).toContain('vision'));

    const created = await server.api('POST', `/api/strategies/${strategyId}/threads`, { anchor: anchorOf(member, 4, 10), quote: 'vision', body: 'Say whose vision: the council’s?', mentions: [people.member.personId] }, people.expert.cookie);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.thread).toMatchObject({ authorName: 'Dr. Ana Expert', quote: 'vision', resolved: false });
    await eventually(() => expect(readThreads(member.doc).map((t) => t.comments[0]?.body)).toEqual(['Say whose vision: the council’s?']));

    const threadId = created.body.thread.id as string;
    expect((await server.api('POST', `/api/strategies/${strategyId}/threads/${threadId}/comments`, { body: 'Agreed, rewording.' }, people.member.cookie)).status).toBe(201);
    expect((await server.api('POST', `/api/strategies/${strategyId}/threads/${threadId}/resolve`, { resolved: true }, people.expert.cookie)).status).toBe(403);
    expect((await server.api('POST', `/api/strategies/${strategyId}/threads/${threadId}/resolve`, { resolved: true }, people.member.cookie)).status).toBe(204);
    await eventually(() => {
      const [t] = readThreads(member.doc);
      expect(t?.comments.map((c) => c.authorName)).toEqual(['Dr. Ana Expert', 'Moussa']);
      expect(t?.resolved).toBe(true);
    });
  });

  it('only the author edits or deletes a comment', async () => {
    const member = connect(people.member.cookie);
    await waitForSync(member);
    const t = await server.api('POST', `/api/strategies/${strategyId}/threads`, { anchor: anchorOf(member, 0, 3), quote: 'Our', body: 'Typo?' }, people.expert.cookie);
    const threadId = t.body.thread.id as string;
    const commentId = t.body.thread.comments[0].id as string;
    const path = `/api/strategies/${strategyId}/threads/${threadId}/comments/${commentId}`;
    expect((await server.api('PATCH', path, { body: 'Hijacked' }, people.member.cookie)).status).toBe(403);
    expect((await server.api('DELETE', path, undefined, people.member.cookie)).status).toBe(403);
    expect((await server.api('PATCH', path, { body: 'Typo? (fixed wording)' }, people.expert.cookie)).status).toBe(204);
    await eventually(() => expect(readThreads(member.doc).find((x) => x.id === threadId)?.comments[0]).toMatchObject({ body: 'Typo? (fixed wording)', editedAt: expect.any(String) }));
    expect((await server.api('DELETE', path, undefined, people.expert.cookie)).status).toBe(204);
    await eventually(() => expect(readThreads(member.doc).find((x) => x.id === threadId)?.comments[0]).toMatchObject({ deleted: true, body: '' }));
  });

  it('observers read threads but cannot comment; another team cannot even read them', async () => {
    const member = connect(people.member.cookie);
    await waitForSync(member);
    expect((await server.api('GET', `/api/strategies/${strategyId}/threads`, undefined, people.observer.cookie)).status).toBe(200);
    expect((await server.api('POST', `/api/strategies/${strategyId}/threads`, { anchor: anchorOf(member, 0, 1), body: 'x' }, people.observer.cookie)).status).toBe(403);
    expect((await server.api('GET', `/api/strategies/${strategyId}/threads`, undefined, people.otherMember.cookie)).status).toBe(403);
  });

  it('refuses bad anchors and empty comments with every problem listed', async () => {
    const res = await server.api('POST', `/api/strategies/${strategyId}/threads`, { anchor: { start: 'not base64!', end: '' }, body: '' }, people.expert.cookie);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['anchor.start', 'anchor.end', 'body']));
  });

  it('an expert suggests a replacement; the member accepts it once', async () => {
    const member = connect(people.member.cookie);
    await waitForSync(member);
    const t = await server.api('POST', `/api/strategies/${strategyId}/threads`, { anchor: anchorOf(member, 0, 3), quote: 'Our', suggestion: { replacement: 'Dakar’s' } }, people.expert.cookie);
    expect(t.status).toBe(201);
    expect(t.body.thread.suggestion).toMatchObject({ replacement: 'Dakar’s', status: 'pending' });
    const decide = (cookie: string) => server.api('POST', `/api/strategies/${strategyId}/threads/${t.body.thread.id}/decision`, { decision: 'accepted' }, cookie);
    expect((await decide(people.expert.cookie)).status).toBe(403);
    expect((await decide(people.member.cookie)).status).toBe(204);
    expect((await decide(people.member.cookie)).status).toBe(409);
  });

  it('an expert suggests an insertion at a point (no quote); anything else without a quote is refused', async () => {
    const member = connect(people.member.cookie);
    await waitForSync(member);
    const point = anchorOf(member, 3, 3);
    const post = (body: object) => server.api('POST', `/api/strategies/${strategyId}/threads`, body, people.expert.cookie);
    const t = await post({ anchor: point, quote: '', suggestion: { replacement: ' own' } });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    expect(t.body.thread).toMatchObject({ quote: '', suggestion: { replacement: ' own', status: 'pending' } });

    const refused = async (body: object, path: string, message: RegExp) => {
      const res = await post(body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details).toEqual([{ path, message: expect.stringMatching(message) }]);
    };
    await refused({ anchor: point, quote: '', body: 'A comment on nothing' }, 'quote', /only a suggested insertion/);
    await refused({ anchor: point, body: 'No quote at all' }, 'quote', /only a suggested insertion/);
    await refused({ anchor: point, quote: '', suggestion: { replacement: '' } }, 'suggestion.replacement', /text to insert/);
    await refused({ anchor: anchorOf(member, 0, 3), quote: 'Our', suggestion: { replacement: 'Our' } }, 'suggestion.replacement', /differ/);
  });

  it('no socket can write threads directly, not even a member\'s', async () => {
    const forged = new Y.Doc();
    forged.getMap('threads').set('fake', 'forged by a client');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(forged));
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${strategyId}`, { headers: { cookie: people.member.cookie } });
      ws.on('open', () => ws.send(encoding.toUint8Array(encoder)));
      ws.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4403);
    const fresh = connect(people.member.cookie);
    await waitForSync(fresh);
    expect(fresh.doc.getMap('threads').has('fake')).toBe(false);
  });

  it('threads persist with the document across a restart of storage', async () => {
    const stored = await server.app.storage.loadState(strategyId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    stored.updates.forEach((u) => Y.applyUpdate(doc, u));
    expect(readThreads(doc).length).toBeGreaterThanOrEqual(3);
  });
});
