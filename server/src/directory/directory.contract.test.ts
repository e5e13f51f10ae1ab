import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/postgres.ts';
import { hashToken } from '../auth/tokens.ts';
import { PostgresStorage } from '../storage/postgresStorage.ts';
import { SqliteStorage } from '../storage/sqliteStorage.ts';
import type { Storage } from '../storage/storage.ts';

const backends: { name: string; make: () => Promise<{ storage: Storage; cleanup: () => Promise<void> | void }> }[] = [
  {
    name: 'sqlite',
    make: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-dir-'));
      return { storage: new SqliteStorage(path.join(dir, 'db.sqlite')), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    make: async () => {
      const db = await createTestDatabase();
      return { storage: await PostgresStorage.open(db.url), cleanup: db.drop };
    },
  },
];

/** Builds a workshop with one team and an invitation whose token is `token`. */
async function buildInvitation(storage: Storage, token: string, maxUses = 3) {
  const { directory } = storage;
  await directory.createWorkshop({ id: 'w', name: 'Shanghai', place: 'SOU', startsOn: '2024-10-21', endsOn: '2024-10-25', onlineStartsOn: null, onlineEndsOn: null });
  await directory.createTeam({ id: 't', workshopId: 'w', country: 'Côte d’Ivoire', cities: ['Abidjan', 'Yamoussoukro'] });
  return directory.createInvitation({ id: `i-${token}`, tokenHash: hashToken(token), workshopId: 'w', teamId: 't', role: 'member', expiresAt: new Date(Date.now() + 60_000), maxUses, createdBy: null });
}

let n = 0;
const redeemAs = (storage: Storage, token: string, name: string) =>
  storage.directory.redeemInvitation(hashToken(token), { id: `p${++n}`, displayName: name, color: '#123456' }, { id: `s${n}`, tokenHash: hashToken(`session-${n}`), expiresAt: new Date(Date.now() + 60_000) }, new Date());

describe.each(backends)('$name directory', ({ make }) => {
  let ctx: Awaited<ReturnType<(typeof backends)[number]['make']>>;
  beforeEach(async () => {
    ctx = await make();
  });
  afterEach(async () => {
    await ctx.storage.close();
    await ctx.cleanup();
  });

  it('redeeming an invitation creates a member of its team with a live session', async () => {
    await buildInvitation(ctx.storage, 'tok');
    const result = await redeemAs(ctx.storage, 'tok', 'Wanjiru');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.person).toMatchObject({ role: 'member', workshopId: 'w', teamIds: ['t'], displayName: 'Wanjiru' });
    const found = await ctx.storage.directory.findSession(result.session.tokenHash, new Date());
    expect(found?.person.id).toBe(result.person.id);
    expect((await ctx.storage.directory.getTeam('t'))?.cities).toEqual(['Abidjan', 'Yamoussoukro']);
    expect((await ctx.storage.directory.getInvitation('i-tok'))?.uses).toBe(1);
  });

  it('gives the last use of an invitation to exactly one of several concurrent redemptions', async () => {
    await buildInvitation(ctx.storage, 'once', 1);
    const results = await Promise.all([1, 2, 3, 4].map((i) => redeemAs(ctx.storage, 'once', `P${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'used_up')).toHaveLength(3);
  });

  it('refuses unknown, revoked and expired invitations with the reason', async () => {
    const inv = await buildInvitation(ctx.storage, 'tok');
    expect(await redeemAs(ctx.storage, 'nope', 'X')).toEqual({ ok: false, reason: 'unknown' });
    await ctx.storage.directory.revokeInvitation(inv.id, new Date());
    expect(await redeemAs(ctx.storage, 'tok', 'X')).toEqual({ ok: false, reason: 'revoked' });
    await ctx.storage.directory.createInvitation({ id: 'old', tokenHash: hashToken('old'), workshopId: 'w', teamId: null, role: 'observer', expiresAt: new Date(Date.now() - 1), maxUses: 1, createdBy: null });
    expect(await redeemAs(ctx.storage, 'old', 'X')).toEqual({ ok: false, reason: 'expired' });
  });

  it('revoking a person ends every session of theirs', async () => {
    await buildInvitation(ctx.storage, 'tok');
    const r = await redeemAs(ctx.storage, 'tok', 'Ana');
    if (!r.ok) throw new Error('redeem failed');
    const second = await ctx.storage.directory.createSession({ id: 'extra', tokenHash: hashToken('extra'), personId: r.person.id, expiresAt: new Date(Date.now() + 60_000) });
    await ctx.storage.directory.revokePerson(r.person.id, new Date());
    expect(await ctx.storage.directory.findSession(r.session.tokenHash, new Date())).toBeUndefined();
    expect(await ctx.storage.directory.findSession(second.tokenHash, new Date())).toBeUndefined();
    expect((await ctx.storage.directory.getPerson(r.person.id))?.revokedAt).toBeInstanceOf(Date);
  });

  it('updates a person\'s role and teams and counts live facilitators', async () => {
    await buildInvitation(ctx.storage, 'tok');
    const r = await redeemAs(ctx.storage, 'tok', 'Li Wei 李伟');
    if (!r.ok) throw new Error('redeem failed');
    expect(await ctx.storage.directory.countFacilitators()).toBe(0);
    const updated = await ctx.storage.directory.updatePerson(r.person.id, { role: 'facilitator', teamIds: [] });
    expect(updated).toMatchObject({ role: 'facilitator', teamIds: [], displayName: 'Li Wei 李伟' });
    expect(await ctx.storage.directory.countFacilitators()).toBe(1);
    expect((await ctx.storage.directory.listPeople('w')).map((p) => p.displayName)).toEqual(['Li Wei 李伟']);
  });

  it('stores template versions once each and returns the latest of each id', async () => {
    const { directory } = ctx.storage;
    expect(await directory.saveTemplate({ id: 'a', version: 1, body: '{"v":1}', createdBy: null })).toBe(true);
    expect(await directory.saveTemplate({ id: 'a', version: 1, body: '{"v":"again"}', createdBy: null })).toBe(false);
    expect(await directory.saveTemplate({ id: 'a', version: 2, body: '{"v":2}', createdBy: null })).toBe(true);
    expect(await directory.saveTemplate({ id: 'b', version: 7, body: '{"v":7}', createdBy: null })).toBe(true);
    expect((await directory.getTemplate('a'))?.body).toBe('{"v":2}');
    expect((await directory.getTemplate('a', 1))?.body).toBe('{"v":1}');
    expect(await directory.getTemplate('zzz')).toBeUndefined();
    expect((await directory.listTemplates()).map((t) => `${t.id}@${t.version}`)).toEqual(['a@2', 'b@7']);
  });
});
