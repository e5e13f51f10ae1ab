import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A secret for an invitation link or a session cookie: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as SHA-256 hashes, so a leaked database holds no usable link or session. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Short, URL-safe, unguessable ids for workshops, teams, people and strategies. */
export const newId = (): string => randomBytes(12).toString('base64url');

export const newUuid = (): string => randomUUID();
