import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/**
 * The one logger. Each module takes a child with a `category`; tokens and cookies are redacted.
 * Output is JSON lines (pipe through `pino-pretty` to read them in a terminal).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'headers.cookie', 'headers.authorization', '*.token', 'token'],
      censor: '[redacted]',
    },
  });
}
