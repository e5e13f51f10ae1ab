import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ZodError } from 'zod';
import type { ApiError } from '@lcs/shared';
import type { Logger } from './logger.ts';

/** An error with a stable snake_case code and an HTTP status, answered as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'HttpError';
  }

  static fromZod(error: ZodError): HttpError {
    const details = error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
    return new HttpError(400, 'invalid_request', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
  }
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new HttpError(404, 'not_found', 'No such route'));
};

/** The one error middleware: known errors keep their code; anything else is a logged 500 without a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let httpError: HttpError;
    if (err instanceof HttpError) {
      httpError = err;
    } else if (isBodyParserError(err)) {
      httpError = new HttpError(err.status, err.type === 'entity.too.large' ? 'payload_too_large' : 'invalid_json', err.message);
    } else {
      logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled request error');
      httpError = new HttpError(500, 'internal_error', 'Something went wrong on the server');
    }
    const body: ApiError = { error: { code: httpError.code, message: httpError.message, ...(httpError.details ? { details: httpError.details } : {}) } };
    res.status(httpError.status).json(body);
  };
}

function isBodyParserError(err: unknown): err is { status: number; type: string; message: string } {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err && typeof (err as { status: unknown }).status === 'number';
}
