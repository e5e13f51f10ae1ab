import { pino } from 'pino';
import type { Logger } from '../src/logger.ts';

/** One parsed pino line: level (30 info, 40 warn, 50 error), msg and whatever context was logged. */
export type LogEntry = { level: number; msg: string } & Record<string, unknown>;

/** A real pino logger whose JSON lines are kept in memory, so tests can check what was logged. */
export function captureLogs(level = 'debug'): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const logger = pino({ level, base: undefined }, { write: (line: string) => void entries.push(JSON.parse(line) as LogEntry) });
  return { logger, entries };
}
