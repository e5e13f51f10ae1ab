import type { IncomingMessage } from 'node:http';
import { parse, serialize } from 'cookie';

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'lcs_session';
/** Sessions last 30 days; a workshop plus its online phases fits inside. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function readSessionToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parse(header)[SESSION_COOKIE] || undefined;
}

/** HttpOnly, SameSite=Lax; Secure whenever the request arrived over https. */
export function sessionCookie(token: string, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_TTL_MS / 1000 });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}
