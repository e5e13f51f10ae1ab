import type Database from 'better-sqlite3';
import { toInvitation, toPerson, toSession, toStoredTemplate, toTeam, toWorkshop } from './rows.ts';
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

/** Tables of the directory; applied by the storage's migration runner after the document tables. */
export const directoryMigration = `
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, place TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL,
    online_starts_on TEXT, online_ends_on TEXT, created_at INTEGER NOT NULL
  );
  CREATE TABLE teams (
    id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    country TEXT NOT NULL, cities TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE TABLE people (
    id TEXT PRIMARY KEY, display_name TEXT NOT NULL, color TEXT NOT NULL, role TEXT NOT NULL,
    workshop_id TEXT REFERENCES workshops(id) ON DELETE CASCADE, team_ids TEXT NOT NULL,
    created_at INTEGER NOT NULL, revoked_at INTEGER
  );
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, workshop_id TEXT REFERENCES workshops(id) ON DELETE CASCADE,
    team_id TEXT REFERENCES teams(id) ON DELETE CASCADE, role TEXT NOT NULL, expires_at INTEGER NOT NULL,
    max_uses INTEGER NOT NULL, uses INTEGER NOT NULL DEFAULT 0, revoked_at INTEGER, created_at INTEGER NOT NULL, created_by TEXT
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked_at INTEGER
  );
  CREATE INDEX sessions_person ON sessions (person_id);
  ALTER TABLE documents ADD COLUMN team_id TEXT REFERENCES teams(id) ON DELETE SET NULL;
  ALTER TABLE documents ADD COLUMN city TEXT;
`;

/** Uploaded strategy templates (the built-in one lives in code). */
export const templatesMigration = `
  CREATE TABLE templates (
    id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL, created_by TEXT,
    PRIMARY KEY (id, version)
  );
`;



/** The directory on the same SQLite connection as the documents. */
export class SqliteDirectory implements Directory {
  /**
   * Prepared statements by their SQL: preparing parses the SQL again every time, and every socket
   * that connects and every request runs the same few lookups (session, person, team).
   */
  readonly #statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  #sql(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) this.#statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  async createWorkshop(w: NewWorkshop): Promise<Workshop> {
    const now = Date.now();
    this.#sql('INSERT INTO workshops (id, name, place, starts_on, ends_on, online_starts_on, online_ends_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(w.id, w.name, w.place, w.startsOn, w.endsOn, w.onlineStartsOn, w.onlineEndsOn, now);
    return { ...w, createdAt: new Date(now) };
  }

  async getWorkshop(id: string): Promise<Workshop | undefined> {
    const row = this.#sql('SELECT * FROM workshops WHERE id = ?').get(id);
    return row ? toWorkshop(row) : undefined;
  }

  async listWorkshops(): Promise<Workshop[]> {
    return this.#sql('SELECT * FROM workshops ORDER BY starts_on DESC, name').all().map(toWorkshop);
  }

  async createTeam(t: NewTeam): Promise<Team> {
    const now = Date.now();
    this.#sql('INSERT INTO teams (id, workshop_id, country, cities, created_at) VALUES (?, ?, ?, ?, ?)').run(t.id, t.workshopId, t.country, JSON.stringify(t.cities), now);
    return { ...t, createdAt: new Date(now) };
  }

  async getTeam(id: string): Promise<Team | undefined> {
    const row = this.#sql('SELECT * FROM teams WHERE id = ?').get(id);
    return row ? toTeam(row) : undefined;
  }

  async listTeams(workshopId: string): Promise<Team[]> {
    return this.#sql('SELECT * FROM teams WHERE workshop_id = ? ORDER BY country, created_at').all(workshopId).map(toTeam);
  }

  #insertPerson(p: NewPerson, now: number): Person {
    this.#sql('INSERT INTO people (id, display_name, color, role, workshop_id, team_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(p.id, p.displayName, p.color, p.role, p.workshopId, JSON.stringify(p.teamIds), now);
    return { ...p, createdAt: new Date(now), revokedAt: null };
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const row = this.#sql('SELECT * FROM people WHERE id = ?').get(id);
    return row ? toPerson(row) : undefined;
  }

  async listPeople(workshopId?: string): Promise<Person[]> {
    const rows = workshopId
      ? this.#sql("SELECT * FROM people WHERE workshop_id = ? OR role = 'facilitator' ORDER BY display_name").all(workshopId)
      : this.#sql('SELECT * FROM people ORDER BY display_name').all();
    return rows.map(toPerson);
  }

  async countFacilitators(): Promise<number> {
    return (this.#sql("SELECT COUNT(*) AS n FROM people WHERE role = 'facilitator' AND revoked_at IS NULL").get() as { n: number }).n;
  }

  async updatePerson(id: string, patch: Partial<Pick<Person, 'role' | 'teamIds' | 'displayName' | 'color'>>): Promise<Person | undefined> {
    const current = await this.getPerson(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.#sql('UPDATE people SET role = ?, team_ids = ?, display_name = ?, color = ? WHERE id = ?')
      .run(next.role, JSON.stringify(next.teamIds), next.displayName, next.color, id);
    return next;
  }

  async revokePerson(id: string, at: Date): Promise<void> {
    this.db.transaction(() => {
      this.#sql('UPDATE people SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at.getTime(), id);
      this.#sql('UPDATE sessions SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL').run(at.getTime(), id);
    })();
  }

  async createInvitation(i: NewInvitation): Promise<Invitation> {
    const now = Date.now();
    this.#sql('INSERT INTO invitations (id, token_hash, workshop_id, team_id, role, expires_at, max_uses, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(i.id, i.tokenHash, i.workshopId, i.teamId, i.role, i.expiresAt.getTime(), i.maxUses, now, i.createdBy);
    return { ...i, uses: 0, revokedAt: null, createdAt: new Date(now) };
  }

  async getInvitation(id: string): Promise<Invitation | undefined> {
    const row = this.#sql('SELECT * FROM invitations WHERE id = ?').get(id);
    return row ? toInvitation(row) : undefined;
  }

  async listInvitations(workshopId?: string): Promise<Invitation[]> {
    const rows = workshopId
      ? this.#sql('SELECT * FROM invitations WHERE workshop_id = ? ORDER BY created_at DESC').all(workshopId)
      : this.#sql('SELECT * FROM invitations ORDER BY created_at DESC').all();
    return rows.map(toInvitation);
  }

  async revokeInvitation(id: string, at: Date): Promise<void> {
    this.#sql('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at.getTime(), id);
  }

  async redeemInvitation(
    tokenHash: string,
    person: Omit<NewPerson, 'role' | 'workshopId' | 'teamIds'>,
    session: Omit<NewSession, 'personId'>,
    now: Date,
  ): Promise<RedeemResult> {
    return this.db.transaction((): RedeemResult => {
      const row = this.#sql('SELECT * FROM invitations WHERE token_hash = ?').get(tokenHash);
      if (!row) return { ok: false, reason: 'unknown' };
      const inv = toInvitation(row);
      if (inv.revokedAt) return { ok: false, reason: 'revoked' };
      if (inv.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
      if (inv.uses >= inv.maxUses) return { ok: false, reason: 'used_up' };
      this.#sql('UPDATE invitations SET uses = uses + 1 WHERE id = ?').run(inv.id);
      const created = this.#insertPerson({ ...person, role: inv.role, workshopId: inv.workshopId, teamIds: inv.teamId ? [inv.teamId] : [] }, now.getTime());
      const s = this.#insertSession({ ...session, personId: created.id }, now.getTime());
      return { ok: true, person: created, session: s };
    }).immediate();
  }

  #insertSession(s: NewSession, now: number): Session {
    this.#sql('INSERT INTO sessions (id, token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(s.id, s.tokenHash, s.personId, now, s.expiresAt.getTime());
    return { ...s, createdAt: new Date(now), revokedAt: null };
  }

  async saveTemplate(t: Omit<StoredTemplate, 'createdAt'>): Promise<boolean> {
    const result = this.#sql('INSERT INTO templates (id, version, body, created_at, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id, version) DO NOTHING')
      .run(t.id, t.version, t.body, Date.now(), t.createdBy);
    return result.changes === 1;
  }

  async getTemplate(id: string, version?: number): Promise<StoredTemplate | undefined> {
    const row =
      version === undefined
        ? this.#sql('SELECT * FROM templates WHERE id = ? ORDER BY version DESC LIMIT 1').get(id)
        : this.#sql('SELECT * FROM templates WHERE id = ? AND version = ?').get(id, version);
    return row ? toStoredTemplate(row) : undefined;
  }

  async listTemplates(): Promise<StoredTemplate[]> {
    return this.#sql('SELECT t.* FROM templates t WHERE t.version = (SELECT MAX(version) FROM templates u WHERE u.id = t.id) ORDER BY t.id')
      .all()
      .map(toStoredTemplate);
  }

  async createSession(s: NewSession): Promise<Session> {
    return this.#insertSession(s, Date.now());
  }

  async findSession(tokenHash: string, now: Date): Promise<{ session: Session; person: Person } | undefined> {
    const row = this.#sql('SELECT * FROM sessions WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?').get(tokenHash, now.getTime());
    if (!row) return undefined;
    const session = toSession(row);
    const person = await this.getPerson(session.personId);
    if (!person || person.revokedAt) return undefined;
    return { session, person };
  }

  async revokeSession(id: string, at: Date): Promise<void> {
    this.#sql('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at.getTime(), id);
  }
}
