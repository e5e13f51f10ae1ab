import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { limits } from '@lcs/shared';

/** The repository root, so relative defaults do not depend on the directory the server starts in. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Updates appended to a document's log before it is compacted into a snapshot, unless configured. */
export const DEFAULT_COMPACT_AFTER_UPDATES = 500;

const intFromEnv = (fallback: number, min: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(min, `must be at least ${min}`).default(fallback);

const configSchema = z.object({
  /** TCP port of the HTTP and WebSocket server. Default 3000. */
  PORT: intFromEnv(3000, 0).refine((p) => p <= 65535, 'must be at most 65535'),
  /** Interface to listen on. Default 0.0.0.0 (reachable on the workshop's network). */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Folder for the SQLite database. Default `<repo>/data`; relative paths resolve from the working directory. */
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  /**
   * Storage backend: `sqlite` (the default, durable, one process), `postgres` (several processes;
   * the default when DATABASE_URL is set) or `memory` (tests and demos; loses everything on exit).
   */
  STORAGE: z.enum(['sqlite', 'postgres', 'memory']).optional(),
  /** PostgreSQL connection string, e.g. `postgres://user@127.0.0.1:5432/lcs`. Selects `postgres` storage. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** pino log level. Default `info`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest WebSocket frame accepted, in bytes; bigger frames close the socket with 1009. Default 16 MiB. */
  MAX_MESSAGE_BYTES: intFromEnv(limits.maxMessageBytes, 1024),
  /** How long a document with no connections stays in memory before it is compacted and unloaded. Default 30 s. */
  UNLOAD_DELAY_MS: intFromEnv(30_000, 0),
  /** Compact a document's update log into a snapshot after this many appended updates. Default 500. */
  COMPACT_AFTER_UPDATES: intFromEnv(DEFAULT_COMPACT_AFTER_UPDATES, 1),
  /** Redis for several server processes sharing documents, e.g. `redis://127.0.0.1:6379`. Default: none (one process). */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  /**
   * Address people use to reach the app; invitation links start with it. Default
   * `http://localhost:<PORT>`. Set it to the workshop's real address (https) in production.
   */
  PUBLIC_URL: z.url({ error: 'must be a URL like https://strategy.example.org' }).optional(),
  /** Extra origins (comma-separated) allowed to send cookie-authenticated requests; the app's own is always allowed. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
  /** Behind a reverse proxy that sets X-Forwarded-*: `true`. Makes `Secure` cookies follow the original https. Default false. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Invitation redemptions allowed per client address per 15 minutes. Default 20. */
  REDEEM_RATE_LIMIT: intFromEnv(20, 1),
  /** Folder of the built client served at `/`. Default `<repo>/client/dist`. */
  CLIENT_DIST: z.string().min(1).default(path.join(repoRoot, 'client', 'dist')),
});

/** Validated server configuration; see each field's JSDoc for its default. */
export type Config = Omit<z.infer<typeof configSchema>, 'PUBLIC_URL' | 'STORAGE'> & {
  PUBLIC_URL: string;
  STORAGE: 'sqlite' | 'postgres' | 'memory';
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once, reporting every problem at once. The only place that reads
 * `process.env`; everything else receives a `Config`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(input);
  const problems = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  // Checked beside the schema, so it is listed with the other problems rather than after they are fixed.
  if (input.STORAGE === 'postgres' && !input.DATABASE_URL) problems.push('DATABASE_URL: required when STORAGE=postgres');
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const data = result.data;
  const storage = data.STORAGE ?? (data.DATABASE_URL ? 'postgres' : 'sqlite');
  return {
    ...data,
    STORAGE: storage,
    PUBLIC_URL: data.PUBLIC_URL ?? `http://localhost:${data.PORT}`,
    DATA_DIR: path.resolve(data.DATA_DIR),
    CLIENT_DIST: path.resolve(data.CLIENT_DIST),
  };
}

/** A configuration for tests: in-memory storage, quiet logs, port 0. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: 'silent' }), ...overrides };
}
