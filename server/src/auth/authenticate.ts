import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Directory, Person, Session } from '../directory/directory.ts';
import { HttpError } from '../errors.ts';
import { canManage } from './permissions.ts';
import { readSessionToken } from './sessionCookie.ts';
import { hashToken } from './tokens.ts';

export interface Auth {
  person: Person;
  session: Session;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own extension point
  namespace Express {
    interface Request {
      /** Set by `authenticate` when the request carries a live session. */
      auth?: Auth;
    }
  }
}

/** Resolves the session cookie of an HTTP request or a WebSocket upgrade. */
export async function resolveSession(directory: Directory, req: IncomingMessage): Promise<Auth | undefined> {
  const token = readSessionToken(req);
  if (!token) return undefined;
  return directory.findSession(hashToken(token), new Date());
}

/** Loads the session, if any, onto `req.auth`. */
export function authenticate(directory: Directory): RequestHandler {
  return async (req, _res, next) => {
    req.auth = await resolveSession(directory, req);
    next();
  };
}

/** 401 unless the request has a live session. */
export const requireAuth: RequestHandler = (req, _res, next) => {
  if (!req.auth) throw new HttpError(401, 'unauthenticated', 'Sign in through your invitation link first');
  next();
};

/** 403 unless the session is a facilitator's. */
export const requireFacilitator: RequestHandler = (req, _res, next) => {
  if (!req.auth) throw new HttpError(401, 'unauthenticated', 'Sign in through your invitation link first');
  if (!canManage(req.auth.person)) throw new HttpError(403, 'forbidden', 'Only facilitators can do this');
  next();
};

/** The signed-in person; call only behind `requireAuth`. */
export function authOf(req: { auth?: Auth }): Auth {
  if (!req.auth) throw new HttpError(401, 'unauthenticated', 'Sign in through your invitation link first');
  return req.auth;
}
