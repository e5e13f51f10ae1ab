import { ApiError } from './apiClient.ts';

/** A check that a value from the server has the shape this client relies on. */
export type Guard<T> = (value: unknown) => value is T;

/** An error for a 2xx answer without what the page needs: client and server disagree on the contract. */
export function invalidResponse(): ApiError {
  return new ApiError(0, 'invalid_response', 'The server sent an answer this page does not understand. Reload the page.');
}

/** Reads `body[name]` and checks it; throws {@link invalidResponse} when it is missing or malformed. */
export function readField<T>(body: unknown, name: string, guard: Guard<T>): T {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (!guard(value)) throw invalidResponse();
  return value;
}

/**
 * A record with a string `id`: enough to catch an answer of the wrong kind (an HTML page, an error
 * of a proxy) for the DTOs that `@lcs/shared` declares as types only.
 */
export function isRecordWithId<T extends { id: string }>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** An array whose every item passes `guard`. */
export function isListOf<T>(guard: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every((item) => guard(item));
}
