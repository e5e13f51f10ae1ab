import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.ts';

/**
 * CSRF defence for cookie-authenticated requests: a state-changing request (and every WebSocket
 * upgrade, which browsers send cross-site with cookies) must come from our own origin. Browsers
 * always send `Origin` on these; a request without one is a non-browser client, which cannot ride on
 * a victim's cookie, so it is allowed.
 */
export function isSameOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function originCheck(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (!isSameOrigin(req, allowedOrigins)) throw new HttpError(403, 'cross_origin', 'Cross-origin request refused');
    next();
  };
}
