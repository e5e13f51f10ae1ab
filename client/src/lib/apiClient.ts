import { apiErrorSchema } from '@lcs/shared';
import type { ApiError as ApiErrorBody } from '@lcs/shared';

type ErrorDetail = NonNullable<ApiErrorBody['error']['details']>[number];

/** The server answered with an error (`{ error: { code, message, details? } }`) or something unusable. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when a successful response had an unexpected shape. */
  readonly status: number;
  /** Stable snake_case code from the server, e.g. `document_not_found`. */
  readonly code: string;
  readonly details: readonly ErrorDetail[];

  constructor(status: number, code: string, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The request never got an answer: the server is down or the device is offline. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns an error response into an ApiError, even when a proxy answered instead of our server. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details);
  }
  const message =
    status >= 500 ? `The server could not answer (HTTP ${status}). Try again in a moment.` : `The request failed (HTTP ${status}).`;
  return new ApiError(status, `http_${status}`, message);
}

/**
 * Sends a JSON request to the API and returns the parsed body of a 2xx answer.
 * Throws ApiError for error answers and NetworkError when no answer came; aborts pass through.
 */
export async function requestJson(path: string, init: RequestInit & { json?: unknown } = {}): Promise<unknown> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Accept', 'application/json');
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new NetworkError('Cannot reach the server. Check your connection and try again.', { cause: error });
  }
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response.status, body);
  return body;
}

/** A sentence to show a person for any error thrown by the API client. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.details.length === 0) return error.message;
    const details = error.details.map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message));
    return `${error.message} (${details.join('; ')})`;
  }
  if (error instanceof NetworkError) return error.message;
  return 'Something went wrong. Try again.';
}

/** The request was refused because this browser has no live session (HTTP 401). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
