import { ApiError, NetworkError } from './apiClient.ts';

/** Answers a proxy or load balancer gives while the app server behind it is down or restarting. */
const gatewayStatuses: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * The request failed because the server could not be reached (no answer, or a gateway saying the
 * server is down), as opposed to the server refusing it: only then may the app fall back to what
 * this device last heard. A 401, 403 or 404 is an answer and is never papered over.
 */
export function isServerUnreachable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && gatewayStatuses.has(error.status);
}
