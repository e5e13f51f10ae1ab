import { ApiError, errorMessage, NetworkError } from '../lib/apiClient.ts';
import type { SendFailure } from './commentOutbox.ts';

/** A suggestion that cannot be accepted here; the message says why. */
export class CannotApplyError extends Error {
  override readonly name = 'CannotApplyError';
}

/** The editor is gone (the page is leaving): an accept waits for the next one. */
export class EditorGoneError extends Error {
  override readonly name = 'EditorGoneError';
}

/** A sentence for anything sending a comment action can throw. */
export function sendErrorMessage(error: unknown): string {
  return error instanceof CannotApplyError ? error.message : errorMessage(error);
}

/**
 * Statuses that say nothing about the action itself: the session ran out (the person signs in
 * again, and the outbox is theirs), the request timed out, or too many were sent at once.
 */
const notAboutTheAction = new Set([401, 408, 429]);

/**
 * Offline, or the server is in trouble (or the editor an accept needs is gone): worth sending again
 * later. Anything else was refused, by the server (4xx) or by a check here, and is not sent again.
 */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof NetworkError || error instanceof EditorGoneError) return { retry: true };
  if (error instanceof ApiError && (error.status >= 500 || notAboutTheAction.has(error.status))) return { retry: true };
  return { retry: false, message: sendErrorMessage(error) };
}
