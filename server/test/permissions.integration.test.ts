import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@lcs/shared';
import { connectClient, eventually, redeem, startServer, waitForSync } from './harness.ts';
import type { RunningServer } from './harness.ts';

/**
 * The permission matrix: every role x every action x HTTP and WebSocket, including other-team,
 * revoked and unauthenticated rows. Expected outcomes are written out per row so each can fail alone.
 */
type Who = 'facilitator' | 'memberA' | 'memberB' | 'expertA' | 'observerA' | 'observerWorkshop' | 'revokedMemberA' | 'anonymous';

let server: RunningServer;
let ids: { workshop: string; teamA: string; teamB: string; strategyA: string; strategyB: string };
const cookies = {} as Record<Who, string>;

beforeAll(async () => {
  server = await startServer();
  const w = await server.api('POST', '/api/workshops', { name: 'Shanghai 2024', place: 'Shanghai Open University', startsOn: '2024-10-21', endsOn: '2024-10-25' });
  const a = await server.api('POST', `/api/workshops/${w.body.workshop.id}/teams`, { country: 'Kenya', cities: ['Nairobi'] });
  const b = await server.api('POST', `/api/workshops/${w.body.workshop.id}/teams`, { country: 'Morocco', cities: ['Rabat'] });
  ids = {
    workshop: w.body.workshop.id,
    teamA: a.body.team.id,
    teamB: b.body.team.id,
    strategyA: await server.createDocument('Nairobi learning city strategy', a.body.team.id),
    strategyB: await server.createDocument('Rabat learning city strategy', b.body.team.id),
  };
  cookies.facilitator = server.cookie;
  cookies.memberA = (await server.join('member', { workshopId: ids.workshop, teamId: ids.teamA })).cookie;
  cookies.memberB = (await server.join('member', { workshopId: ids.workshop, teamId: ids.teamB })).cookie;
  cookies.expertA = (await server.join('expert', { workshopId: ids.workshop, teamId: ids.teamA })).cookie;
  cookies.observerA = (await server.join('observer', { workshopId: ids.workshop, teamId: ids.teamA })).cookie;
  cookies.observerWorkshop = (await server.join('observer', { workshopId: ids.workshop })).cookie;
  const revoked = await server.join('member', { workshopId: ids.workshop, teamId: ids.teamA });
  cookies.revokedMemberA = revoked.cookie;
  expect((await server.api('DELETE', `/api/people/${revoked.personId}`)).status).toBe(204);
  cookies.anonymous = '';
});
afterAll(() => server.stop());

const httpRows: [Who, string, number, () => [string, string, unknown?]][] = [
  // read a strategy
  ['facilitator', 'reads team A strategy', 200, () => ['GET', `/api/strategies/${ids.strategyA}`]],
  ['memberA', 'reads own team strategy', 200, () => ['GET', `/api/strategies/${ids.strategyA}`]],
  ['memberA', 'reads other team strategy', 403, () => ['GET', `/api/strategies/${ids.strategyB}`]],
  ['memberB', 'reads other team strategy', 403, () => ['GET', `/api/strategies/${ids.strategyA}`]],
  ['expertA', 'reads assigned team strategy', 200, () => ['GET', `/api/strategies/${ids.strategyA}`]],
  ['expertA', 'reads unassigned team strategy', 403, () => ['GET', `/api/strategies/${ids.strategyB}`]],
  ['observerA', 'reads own team strategy', 200, () => ['GET', `/api/strategies/${ids.strategyA}`]],
  ['observerA', 'reads other team strategy', 403, () => ['GET', `/api/strategies/${ids.strategyB}`]],
  ['observerWorkshop', 'reads any team strategy of the workshop', 200, () => ['GET', `/api/strategies/${ids.strategyB}`]],
  ['revokedMemberA', 'reads own team strategy', 401, () => ['GET', `/api/strategies/${ids.strategyA}`]],
  ['anonymous', 'reads a strategy', 401, () => ['GET', `/api/strategies/${ids.strategyA}`]],
  // create a strategy
  ['facilitator', 'creates a strategy for team B', 201, () => ['POST', '/api/strategies', { title: 'Second', teamId: ids.teamB }]],
  ['memberA', 'creates a strategy for own team', 201, () => ['POST', '/api/strategies', { title: 'Mombasa', teamId: ids.teamA }]],
  ['memberA', 'creates a strategy for other team', 403, () => ['POST', '/api/strategies', { title: 'X', teamId: ids.teamB }]],
  ['expertA', 'creates a strategy', 403, () => ['POST', '/api/strategies', { title: 'X', teamId: ids.teamA }]],
  ['observerA', 'creates a strategy', 403, () => ['POST', '/api/strategies', { title: 'X', teamId: ids.teamA }]],
  ['anonymous', 'creates a strategy', 401, () => ['POST', '/api/strategies', { title: 'X', teamId: ids.teamA }]],
  // workshop pages and management
  ['memberA', 'opens own workshop', 200, () => ['GET', `/api/workshops/${ids.workshop}`]],
  ['anonymous', 'opens a workshop', 401, () => ['GET', `/api/workshops/${ids.workshop}`]],
  ['facilitator', 'creates a team', 201, () => ['POST', `/api/workshops/${ids.workshop}/teams`, { country: 'Indonesia', cities: ['Surabaya'] }]],
  ['memberA', 'creates a team', 403, () => ['POST', `/api/workshops/${ids.workshop}/teams`, { country: 'X', cities: ['Y'] }]],
  ['expertA', 'creates a team', 403, () => ['POST', `/api/workshops/${ids.workshop}/teams`, { country: 'X', cities: ['Y'] }]],
  ['facilitator', 'creates an invitation', 201, () => ['POST', '/api/invitations', { role: 'member', workshopId: ids.workshop, teamId: ids.teamA }]],
  ['memberA', 'creates an invitation', 403, () => ['POST', '/api/invitations', { role: 'member', workshopId: ids.workshop, teamId: ids.teamA }]],
  ['observerWorkshop', 'lists invitations', 403, () => ['GET', '/api/invitations']],
  ['memberA', 'creates a demo workshop', 403, () => ['POST', '/api/workshops/demo']],
  ['facilitator', 'creates a demo workshop', 201, () => ['POST', '/api/workshops/demo']],
  ['revokedMemberA', 'asks who they are', 401, () => ['GET', '/api/me']],
];

describe('HTTP permission matrix', () => {
  it.each(httpRows)('%s %s -> %i', async (who, _what, expected, request) => {
    const [method, path, body] = request();
    const res = await server.api(method, path, body, cookies[who]);
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    if (expected >= 400) expect(res.body.error.code).toMatch(/^[a-z_]+$/);
  });
});

/** Opens a raw socket with a cookie and reports the close code, or 'open' if it stays open. */
function socketOutcome(documentId: string, cookie: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}/${documentId}`, { headers: { cookie } });
    const timer = setTimeout(() => {
      ws.close();
      resolve('open');
    }, 400);
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const wsRows: [Who, 'A' | 'B', number | 'open'][] = [
  ['facilitator', 'A', 'open'],
  ['memberA', 'A', 'open'],
  ['memberA', 'B', 4403],
  ['expertA', 'A', 'open'],
  ['expertA', 'B', 4403],
  ['observerA', 'A', 'open'],
  ['observerA', 'B', 4403],
  ['observerWorkshop', 'B', 'open'],
  ['revokedMemberA', 'A', 4401],
  ['anonymous', 'A', 4401],
];

describe('WebSocket permission matrix', () => {
  it.each(wsRows)('%s opening strategy %s -> %s', async (who, which, expected) => {
    const id = which === 'A' ? ids.strategyA : ids.strategyB;
    expect(await socketOutcome(id, cookies[who])).toBe(expected);
  });

  it('refuses a cross-site socket upgrade even with a valid cookie', async () => {
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${ids.strategyA}`, { headers: { cookie: cookies.memberA, origin: 'https://evil.example' } });
      ws.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4403);
  });

  it.each([['expertA'], ['observerA']] as [Who][])('%s cannot change the text: the server drops their updates', async (who) => {
    const member = connectClient(server.wsUrl, ids.strategyA, { cookie: cookies.memberA });
    await waitForSync(member);
    member.text.insert(member.text.length, `[before ${who}]`);
    // A raw client forging an update, as a modified browser could.
    const forged = new Y.Doc();
    forged.getText('t').insert(0, 'OVERWRITTEN');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(forged));
    const ws = new WebSocket(`${server.wsUrl}/${ids.strategyA}`, { headers: { cookie: cookies[who] } });
    await new Promise((r) => ws.on('open', r));
    ws.send(encoding.toUint8Array(encoder));
    // A member's edit after the forged one proves the forged one was processed (same queue) and dropped.
    member.text.insert(member.text.length, '[after]');
    const observer = connectClient(server.wsUrl, ids.strategyA, { cookie: cookies.facilitator });
    await waitForSync(observer);
    await eventually(() => expect(observer.text.toString()).toContain('[after]'));
    expect(observer.text.toString()).not.toContain('OVERWRITTEN');
    expect(server.app.collab.registry.loaded.get(ids.strategyA)!.ydoc.getText('t').toString()).not.toContain('OVERWRITTEN');
    ws.close();
    member.destroy();
    observer.destroy();
  });
});

describe('invitations', () => {
  it('an expired invitation cannot be redeemed', async () => {
    const res = await server.api('POST', '/api/invitations', { role: 'member', workshopId: ids.workshop, teamId: ids.teamA, expiresInHours: 1 });
    const inv = await server.app.storage.directory.getInvitation(res.body.invitation.id);
    // Age the invitation in storage rather than waiting an hour.
    (server.app.storage.directory as unknown as { db: { prepare(s: string): { run(...a: unknown[]): void } } }).db
      .prepare('UPDATE invitations SET expires_at = ? WHERE id = ?')
      .run(Date.now() - 1000, inv!.id);
    await expect(redeem(server.httpUrl, res.body.invitation.url, 'Late')).rejects.toThrow(/410.*invitation_expired/);
  });

  it('a revoked invitation cannot be redeemed, and a used-up one neither', async () => {
    const res = await server.api('POST', '/api/invitations', { role: 'member', workshopId: ids.workshop, teamId: ids.teamA, maxUses: 1 });
    await redeem(server.httpUrl, res.body.invitation.url, 'First');
    await expect(redeem(server.httpUrl, res.body.invitation.url, 'Second')).rejects.toThrow(/410.*invitation_used_up/);
    const other = await server.api('POST', '/api/invitations', { role: 'member', workshopId: ids.workshop, teamId: ids.teamA });
    expect((await server.api('DELETE', `/api/invitations/${other.body.invitation.id}`)).status).toBe(204);
    await expect(redeem(server.httpUrl, other.body.invitation.url, 'Third')).rejects.toThrow(/410.*invitation_revoked/);
  });

  it('an unknown token is refused with 404', async () => {
    await expect(redeem(server.httpUrl, `${server.httpUrl}/join/${'x'.repeat(43)}`, 'Nobody')).rejects.toThrow(/404/);
  });

  it('invalid bodies list every problem', async () => {
    const res = await server.api('POST', '/api/workshops', { name: '', startsOn: 'soon', endsOn: '2024-10-25', extra: 1 });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'startsOn']));
    expect(res.body.error.details.length).toBeGreaterThanOrEqual(3);
  });

  it('a cross-origin mutation is refused even with a valid cookie', async () => {
    const res = await fetch(`${server.httpUrl}/api/strategies`, {
      method: 'POST',
      headers: { cookie: cookies.memberA, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'CSRF', teamId: ids.teamA }),
    });
    expect(res.status).toBe(403);
  });
});

describe('changes to people take effect on open sockets', () => {
  it('revoking a person closes their open socket with 4401', async () => {
    const person = await server.join('member', { workshopId: ids.workshop, teamId: ids.teamA });
    const client = connectClient(server.wsUrl, ids.strategyA, { cookie: person.cookie });
    await waitForSync(client);
    const closed = new Promise<number>((resolve) => client.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? -1)));
    expect((await server.api('DELETE', `/api/people/${person.personId}`)).status).toBe(204);
    expect(await closed).toBe(4401);
    client.destroy();
  });

  it('a periodic round reads each session, strategy and team once however many sockets share them, and still closes a revoked one', async () => {
    const stays = await server.join('member', { workshopId: ids.workshop, teamId: ids.teamA });
    const leaves = await server.join('member', { workshopId: ids.workshop, teamId: ids.teamA });
    const clients = [
      connectClient(server.wsUrl, ids.strategyA, { cookie: stays.cookie }),
      connectClient(server.wsUrl, ids.strategyA, { cookie: stays.cookie }),
      connectClient(server.wsUrl, ids.strategyA, { cookie: leaves.cookie }),
      connectClient(server.wsUrl, ids.strategyA, { cookie: leaves.cookie }),
    ];
    await Promise.all(clients.map((c) => waitForSync(c)));
    const storage = server.app.storage;
    const reads = { sessions: 0, documents: 0, teams: 0 };
    const real = { findSession: storage.directory.findSession, getDocument: storage.getDocument, getTeam: storage.directory.getTeam };
    storage.directory.findSession = (...args) => ((reads.sessions += 1), real.findSession.apply(storage.directory, args));
    storage.getDocument = (...args) => ((reads.documents += 1), real.getDocument.apply(storage, args));
    storage.directory.getTeam = (...args) => ((reads.teams += 1), real.getTeam.apply(storage.directory, args));
    try {
      // Revoke through the directory, as the CLI in another process would: no request announces it.
      await storage.directory.revokePerson(leaves.personId, new Date());
      const closed = clients.slice(2).map((c) => new Promise<number>((resolve) => c.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? -1))));
      const open = [...server.app.collab.registry.loaded.values()].filter((d) => d.connections.size > 0);
      const sessionsOpen = new Set(open.flatMap((d) => [...d.connections].map((c) => c.context.sessionHash)));
      expect(sessionsOpen.size).toBeGreaterThanOrEqual(2);
      reads.sessions = reads.documents = reads.teams = 0;
      await server.app.collab.revalidate();
      // One read per session, per strategy and per team in the round, not one per socket.
      expect(reads).toEqual({ sessions: sessionsOpen.size, documents: open.length, teams: open.length });
      expect(await Promise.all(closed)).toEqual([4401, 4401]);
      expect(clients.slice(0, 2).every((c) => c.provider.wsconnected)).toBe(true);
    } finally {
      Object.assign(storage.directory, { findSession: real.findSession, getTeam: real.getTeam });
      storage.getDocument = real.getDocument;
      clients.forEach((c) => c.destroy());
    }
  });

  it('turning a member into an observer makes the reconnected socket read-only', async () => {
    const person = await server.join('member', { workshopId: ids.workshop, teamId: ids.teamA });
    const client = connectClient(server.wsUrl, ids.strategyA, { cookie: person.cookie });
    await waitForSync(client);
    const closed = new Promise<number>((resolve) => client.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? -1)));
    expect((await server.api('PATCH', `/api/people/${person.personId}`, { role: 'observer' })).status).toBe(200);
    expect(await closed).toBe(4509);
    await eventually(() => {
      const conns = [...server.app.collab.registry.loaded.get(ids.strategyA)!.connections].filter((c) => c.context.userId === person.personId);
      expect(conns.length).toBe(1);
      expect(conns[0]!.context.readOnly).toBe(true);
    });
    client.destroy();
  });
});
