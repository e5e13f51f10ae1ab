import { ApiError } from './apiClient.ts';

/** A problem with one field, as zod reports it (`path` as an array) or the server does (dotted). */
interface Issue {
  path: string | readonly PropertyKey[];
  message: string;
}

/** Problems by field name (the first segment of the path); problems with the whole form under `''`. */
export type FieldErrors = Readonly<Record<string, string>>;

/** Groups problems by the field they belong to, the first one per field winning. */
export function fieldErrors(issues: readonly Issue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const first = typeof issue.path === 'string' ? issue.path.split('.')[0] : issue.path[0];
    const field = first === undefined || first === '(body)' ? '' : String(first);
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The field problems in a server's 400 answer, or none for any other error. */
export function serverFieldErrors(error: unknown): FieldErrors {
  return error instanceof ApiError && error.status === 400 ? fieldErrors(error.details) : {};
}
