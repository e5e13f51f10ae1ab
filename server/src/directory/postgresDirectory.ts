import type pg from 'pg';
import { inTransaction } from '../storage/postgresDatabase.ts';
import type {
  Directory,
  Invitation,
  NewInvitation,
  NewPerson,
  NewSession,
  NewTeam,
  NewWorkshop,
  Person,
  RedeemResult,
  Session,
  StoredTemplate,
  Team,
  Workshop,
} from './directory.ts';
import { toInvitation, toPerson, toSession, toStoredTemplate, toTeam, toWorkshop } from './rows.ts';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** The directory in PostgreSQL, same tables and columns as the SQLite one. */
export class PostgresDirectory implements Directory {
  constructor(private readonly pool: pg.Pool) {}

  async #one<T>(sql: string, params: unknown[], map: (row: unknown) => T, db: Queryable = this.pool): Promise<T | undefined> {
    const { rows } = await db.query(sql, params);
    return rows[0] ? map(rows[0]) : undefined;
  }

  async #all<T>(sql: string, params: unknown[], map: (row: unknown) => T): Promise<T[]> {
    const { rows } = await this.pool.query(sql, params);
    return rows.map(map);
  }

  async createWorkshop(w: NewWorkshop): Promise<Workshop> {
    const now = Date.now();
    await this.pool.query(
      'INSERT INTO workshops (id, name, place, starts_on, ends_on, online_starts_on, online_ends_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [w.id, w.name, w.place, w.startsOn, w.endsOn, w.onlineStartsOn, w.onlineEndsOn, now],
    );
    return { ...w, createdAt: new Date(now) };
  }

  getWorkshop(id: string): Promise<Workshop | undefined> {
    return this.#one('SELECT * FROM workshops WHERE id = $1', [id], toWorkshop);
  }

  listWorkshops(): Promise<Workshop[]> {
    return this.#all('SELECT * FROM workshops ORDER BY starts_on DESC, name', [], toWorkshop);
  }

  async createTeam(t: NewTeam): Promise<Team> {
    const now = Date.now();
    await this.pool.query('INSERT INTO teams (id, workshop_id, country, cities, created_at) VALUES ($1, $2, $3, $4, $5)', [t.id, t.workshopId, t.country, JSON.stringify(t.cities), now]);
    return { ...t, createdAt: new Date(now) };
  }

  getTeam(id: string): Promise<Team | undefined> {
    return this.#one('SELECT * FROM teams WHERE id = $1', [id], toTeam);
  }

  listTeams(workshopId: string): Promise<Team[]> {
    return this.#all('SELECT * FROM teams WHERE workshop_id = $1 ORDER BY country, created_at', [workshopId], toTeam);
  }

  getPerson(id: string): Promise<Person | undefined> {
    return this.#one('SELECT * FROM people WHERE id = $1', [id], toPerson);
  }

  listPeople(workshopId?: string): Promise<Person[]> {
    return workshopId
      ? this.#all("SELECT * FROM people WHERE workshop_id = $1 OR role = 'facilitator' ORDER BY display_name", [workshopId], toPerson)
      : this.#all('SELECT * FROM people ORDER BY display_name', [], toPerson);
  }

  async countFacilitators(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM people WHERE role = 'facilitator' AND revoked_at IS NULL");
    return rows[0]?.n ?? 0;
  }

  async updatePerson(id: string, patch: Partial<Pick<Person, 'role' | 'teamIds' | 'displayName' | 'color'>>): Promise<Person | undefined> {
    const current = await this.getPerson(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    await this.pool.query('UPDATE people SET role = $2, team_ids = $3, display_name = $4, color = $5 WHERE id = $1', [
      id,
      next.role,
      JSON.stringify(next.teamIds),
      next.displayName,
      next.color,
    ]);
    return next;
  }

  async revokePerson(id: string, at: Date): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('UPDATE people SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at.getTime()]);
      await c.query('UPDATE sessions SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL', [id, at.getTime()]);
    });
  }

  async createInvitation(i: NewInvitation): Promise<Invitation> {
    const now = Date.now();
    await this.pool.query(
      'INSERT INTO invitations (id, token_hash, workshop_id, team_id, role, expires_at, max_uses, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [i.id, i.tokenHash, i.workshopId, i.teamId, i.role, i.expiresAt.getTime(), i.maxUses, now, i.createdBy],
    );
    return { ...i, uses: 0, revokedAt: null, createdAt: new Date(now) };
  }

  getInvitation(id: string): Promise<Invitation | undefined> {
    return this.#one('SELECT * FROM invitations WHERE id = $1', [id], toInvitation);
  }

  listInvitations(workshopId?: string): Promise<Invitation[]> {
    return workshopId
      ? this.#all('SELECT * FROM invitations WHERE workshop_id = $1 ORDER BY created_at DESC', [workshopId], toInvitation)
      : this.#all('SELECT * FROM invitations ORDER BY created_at DESC', [], toInvitation);
  }

  async revokeInvitation(id: string, at: Date): Promise<void> {
    await this.pool.query('UPDATE invitations SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at.getTime()]);
  }

  redeemInvitation(tokenHash: string, person: Omit<NewPerson, 'role' | 'workshopId' | 'teamIds'>, session: Omit<NewSession, 'personId'>, now: Date): Promise<RedeemResult> {
    return inTransaction(this.pool, async (c): Promise<RedeemResult> => {
      // FOR UPDATE: concurrent redemptions of one link queue here, so the last use is given once.
      const inv = await this.#one('SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE', [tokenHash], toInvitation, c);
      if (!inv) return { ok: false, reason: 'unknown' };
      if (inv.revokedAt) return { ok: false, reason: 'revoked' };
      if (inv.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
      if (inv.uses >= inv.maxUses) return { ok: false, reason: 'used_up' };
      await c.query('UPDATE invitations SET uses = uses + 1 WHERE id = $1', [inv.id]);
      const created: Person = { ...person, role: inv.role, workshopId: inv.workshopId, teamIds: inv.teamId ? [inv.teamId] : [], createdAt: now, revokedAt: null };
      await c.query('INSERT INTO people (id, display_name, color, role, workshop_id, team_ids, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        created.id,
        created.displayName,
        created.color,
        created.role,
        created.workshopId,
        JSON.stringify(created.teamIds),
        now.getTime(),
      ]);
      const s: Session = { ...session, personId: created.id, createdAt: now, revokedAt: null };
      await c.query('INSERT INTO sessions (id, token_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [s.id, s.tokenHash, s.personId, now.getTime(), s.expiresAt.getTime()]);
      return { ok: true, person: created, session: s };
    });
  }

  async saveTemplate(t: Omit<StoredTemplate, 'createdAt'>): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO templates (id, version, body, created_at, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id, version) DO NOTHING',
      [t.id, t.version, t.body, Date.now(), t.createdBy],
    );
    return rowCount === 1;
  }

  getTemplate(id: string, version?: number): Promise<StoredTemplate | undefined> {
    return version === undefined
      ? this.#one('SELECT * FROM templates WHERE id = $1 ORDER BY version DESC LIMIT 1', [id], toStoredTemplate)
      : this.#one('SELECT * FROM templates WHERE id = $1 AND version = $2', [id, version], toStoredTemplate);
  }

  listTemplates(): Promise<StoredTemplate[]> {
    return this.#all('SELECT t.* FROM templates t WHERE t.version = (SELECT MAX(version) FROM templates u WHERE u.id = t.id) ORDER BY t.id', [], toStoredTemplate);
  }

  async createSession(s: NewSession): Promise<Session> {
    const now = Date.now();
    await this.pool.query('INSERT INTO sessions (id, token_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [s.id, s.tokenHash, s.personId, now, s.expiresAt.getTime()]);
    return { ...s, createdAt: new Date(now), revokedAt: null };
  }

  async findSession(tokenHash: string, now: Date): Promise<{ session: Session; person: Person } | undefined> {
    const session = await this.#one('SELECT * FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2', [tokenHash, now.getTime()], toSession);
    if (!session) return undefined;
    const person = await this.getPerson(session.personId);
    return person && !person.revokedAt ? { session, person } : undefined;
  }

  async revokeSession(id: string, at: Date): Promise<void> {
    await this.pool.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at.getTime()]);
  }
}
