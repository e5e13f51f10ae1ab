import type { Role } from '@lcs/shared';

export interface Workshop {
  id: string;
  name: string;
  place: string;
  startsOn: string;
  endsOn: string;
  onlineStartsOn: string | null;
  onlineEndsOn: string | null;
  createdAt: Date;
}

export interface Team {
  id: string;
  workshopId: string;
  country: string;
  cities: string[];
  createdAt: Date;
}

export interface Person {
  id: string;
  displayName: string;
  color: string;
  role: Role;
  /** null for facilitators, who work across the whole programme. */
  workshopId: string | null;
  /** A member's or observer's team; the teams an expert is assigned to. Empty for facilitators. */
  teamIds: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

export interface Invitation {
  id: string;
  tokenHash: string;
  workshopId: string | null;
  teamId: string | null;
  role: Role;
  expiresAt: Date;
  maxUses: number;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
}

export interface Session {
  id: string;
  tokenHash: string;
  personId: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type NewWorkshop = Omit<Workshop, 'createdAt'>;
export type NewTeam = Omit<Team, 'createdAt'>;
export type NewPerson = Omit<Person, 'createdAt' | 'revokedAt'>;
export type NewInvitation = Omit<Invitation, 'createdAt' | 'uses' | 'revokedAt'>;
export type NewSession = Omit<Session, 'createdAt' | 'revokedAt'>;

/** A template a facilitator uploaded: stored as validated JSON, one row per id and version. */
export interface StoredTemplate {
  id: string;
  version: number;
  body: string;
  createdAt: Date;
  createdBy: string | null;
}

/** Outcome of redeeming an invitation, decided atomically (two redemptions never share the last use). */
export type RedeemResult = { ok: true; person: Person; session: Session } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'used_up' };

/**
 * Workshops, teams, people, invitations and sessions. Stored beside the documents, in the same
 * database, so one backup holds a whole workshop.
 */
export interface Directory {
  createWorkshop(w: NewWorkshop): Promise<Workshop>;
  getWorkshop(id: string): Promise<Workshop | undefined>;
  listWorkshops(): Promise<Workshop[]>;

  createTeam(t: NewTeam): Promise<Team>;
  getTeam(id: string): Promise<Team | undefined>;
  listTeams(workshopId: string): Promise<Team[]>;

  getPerson(id: string): Promise<Person | undefined>;
  listPeople(workshopId?: string): Promise<Person[]>;
  countFacilitators(): Promise<number>;
  updatePerson(id: string, patch: Partial<Pick<Person, 'role' | 'teamIds' | 'displayName' | 'color'>>): Promise<Person | undefined>;
  /** Marks a person revoked and revokes all their sessions. */
  revokePerson(id: string, at: Date): Promise<void>;

  createInvitation(i: NewInvitation): Promise<Invitation>;
  getInvitation(id: string): Promise<Invitation | undefined>;
  listInvitations(workshopId?: string): Promise<Invitation[]>;
  revokeInvitation(id: string, at: Date): Promise<void>;
  /** Uses one of the invitation's uses, creates the person and their first session, in one transaction. */
  redeemInvitation(tokenHash: string, person: Omit<NewPerson, 'role' | 'workshopId' | 'teamIds'>, session: Omit<NewSession, 'personId'>, now: Date): Promise<RedeemResult>;

  /** Stores a template version; resolves false if that id and version already exist. */
  saveTemplate(t: Omit<StoredTemplate, 'createdAt'>): Promise<boolean>;
  /** The given version of a template, or its latest when no version is given. */
  getTemplate(id: string, version?: number): Promise<StoredTemplate | undefined>;
  /** The latest version of every uploaded template. */
  listTemplates(): Promise<StoredTemplate[]>;

  createSession(s: NewSession): Promise<Session>;
  /** The live session and its person for a token hash, or undefined if unknown, expired or revoked. */
  findSession(tokenHash: string, now: Date): Promise<{ session: Session; person: Person } | undefined>;
  revokeSession(id: string, at: Date): Promise<void>;
}
