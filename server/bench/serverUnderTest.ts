import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { redeem } from '../test/harness.ts';
import { createTestDatabase } from '../test/postgres.ts';
import { cpuSeconds } from './procStats.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const referenceScript = path.join(serverDir, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');
export const REDIS_URL = 'redis://127.0.0.1:6379';

/** Our server on SQLite, on Postgres+Redis, or (diagnostic: what storage costs) in memory; or the reference. */
export type Mode = 'sqlite' | 'postgres' | 'memory' | 'reference';
export type OurMode = Exclude<Mode, 'reference'>;

/** A server process the load runs against: ours (in a storage mode) or the stock reference. */
export interface ServerUnderTest {
  mode: Mode;
  label: string;
  pid: number;
  collabUrl(documentId: string): string;
  /** Session cookie the sockets send (ours only; the reference has no auth). */
  cookie: string | undefined;
  createDocument(title: string): Promise<string>;
  /** What the process has printed (the last ~100 KB). */
  log(): string;
  /** CPU seconds spent by the services it depends on (Postgres backends of its database, Redis). */
  externalCpu?(): ExternalCpuMeter;
  stop(): Promise<void>;
}

export interface ExternalCpuMeter {
  stop(): Promise<{ postgres: number; redis: number }>;
}

export interface StartOptions {
  /** Directory for `--cpu-prof` output of the server child, or none. */
  profileDir?: string;
}

export const labelOf: Record<Mode, string> = { sqlite: 'ours (SQLite)', postgres: 'ours (Postgres+Redis)', memory: 'ours (memory)', reference: 'reference' };

interface Child {
  process: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

/** Spawns node with the given args; keeps (the tail of) its output so its pipes never fill up. */
function spawnNode(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    // NODE_OPTIONS is always set, so nothing of the load generator's own loader leaks into the child.
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => output,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = setInterval(() => {
          const match = pattern.exec(output);
          if (match) {
            clearInterval(poll);
            resolve(match);
          } else if (child.exitCode !== null || Date.now() > deadline) {
            clearInterval(poll);
            reject(new Error(`server did not print ${pattern}:\n${output.slice(-4000)}`));
          }
        }, 20);
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Node refuses --cpu-prof in NODE_OPTIONS; it goes on the command line. */
const profileArgs = ({ profileDir }: StartOptions) => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts our server (`src/index.ts`) the way the `tsx` binary does, but as one process
 * (`node --import tsx`), so that the pid measured is the server's own. Signs in as the first
 * facilitator through the real invitation link.
 */
export async function startOurs(mode: OurMode, options: StartOptions = {}): Promise<ServerUnderTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-bench-'));
  const db = mode === 'postgres' ? await createTestDatabase() : undefined;
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir };
  if (db) Object.assign(env, { DATABASE_URL: db.url, REDIS_URL });
  else env.STORAGE = mode;
  const child = spawnNode([...profileArgs(options), '--import', 'tsx', 'src/index.ts'], env);
  const cleanup = async () => {
    await child.stop();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = Number((await child.waitFor(/"port":(\d+)[^\n]*listening on/, 60_000))[1]);
    const link = (await child.waitFor(/first one: (\S+?)"/, 10_000))[1]!;
    const httpUrl = `http://127.0.0.1:${port}`;
    const { cookie } = await redeem(httpUrl, link, 'Bench Facilitator');
    return {
      mode,
      label: labelOf[mode],
      pid: child.process.pid!,
      cookie,
      collabUrl: (id) => `ws://127.0.0.1:${port}/collab/${id}`,
      log: child.output,
      async createDocument(title) {
        const res = await fetch(`${httpUrl}/api/strategies`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ title }),
        });
        if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { document: { id: string } }).document.id;
      },
      ...(db ? { externalCpu: () => meterExternalCpu(new URL(db.url).pathname.slice(1)) } : {}),
      stop: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** Starts the stock `@y/websocket-server` (in memory, any path is a room, no auth). */
export async function startReference(options: StartOptions = {}): Promise<ServerUnderTest> {
  if (!fs.existsSync(referenceScript)) throw new Error(`reference server not installed at ${referenceScript}`);
  const port = await freePort();
  const child = spawnNode([...profileArgs(options), referenceScript], { HOST: '127.0.0.1', PORT: String(port) });
  try {
    await child.waitFor(/running at/, 30_000);
  } catch (err) {
    await child.stop();
    throw err;
  }
  return {
    mode: 'reference',
    label: labelOf.reference,
    pid: child.process.pid!,
    cookie: undefined,
    collabUrl: (id) => `ws://127.0.0.1:${port}/collab/${id}`,
    createDocument: async () => randomBytes(12).toString('hex'),
    log: child.output,
    stop: child.stop,
  };
}

export function startServer(mode: Mode, options: StartOptions = {}): Promise<ServerUnderTest> {
  return mode === 'reference' ? startReference(options) : startOurs(mode, options);
}

/**
 * CPU of the Postgres backends serving one database (pids sampled from pg_stat_activity, since the
 * pool opens and closes them) and of the Redis server (all of it: Redis reports only its total).
 */
function meterExternalCpu(database: string): ExternalCpuMeter {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let redisStart = 0;
  const redisCpu = async () => {
    const info = await redis.info('cpu');
    const value = (key: string) => Number(new RegExp(`^${key}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    return value('used_cpu_user') + value('used_cpu_sys');
  };
  const sample = async () => {
    const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    for (const { pid } of rows) {
      const cpu = cpuSeconds(pid);
      if (!first.has(pid)) first.set(pid, started ? 0 : cpu);
      last.set(pid, cpu);
    }
  };
  let started = false;
  const ready = (async () => {
    await admin.connect();
    await redis.connect();
    redisStart = await redisCpu();
    await sample();
    started = true;
  })();
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = ready.then(sample).catch(() => undefined);
  }, 250);
  return {
    async stop() {
      clearInterval(timer);
      await ready;
      await sampling;
      await sample();
      let postgres = 0;
      for (const [pid, end] of last) postgres += end - (first.get(pid) ?? 0);
      const redisTotal = (await redisCpu()) - redisStart;
      await admin.end();
      redis.disconnect();
      return { postgres, redis: redisTotal };
    },
  };
}
