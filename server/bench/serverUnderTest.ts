import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { redeem } from '../test/harness.ts';
import { createTestDatabase } from '../test/postgres.ts';
import { meterExternalCpu, REDIS_URL } from './externalCpu.ts';
import type { ExternalCpuMeter } from './externalCpu.ts';
import { freePort, profileArgs, serverDir, spawnNode } from './serverProcess.ts';
import type { Child, GcFigures, ProbedMemory, StartOptions } from './serverProcess.ts';

const referenceScript = path.join(serverDir, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');

/**
 * Our server on SQLite, on Postgres+Redis, as two processes sharing Postgres+Redis (`cluster`: each
 * document's clients split between them; `routed`: each document's clients all on one of them, as
 * behind a load balancer that routes by document), or (diagnostic: what storage costs) in memory;
 * or the reference; or (diagnostic: what storing before relaying costs any server) the reference
 * appending each update to PostgreSQL before relaying it (`durableReference.ts`).
 */
export type Mode = 'sqlite' | 'postgres' | 'cluster' | 'routed' | 'memory' | 'reference-postgres' | 'reference';
/** A column compared with the reference: ours in some mode, or the reference made durable. */
export type OurMode = Exclude<Mode, 'reference'>;

/** A server process the load runs against: ours (in a storage mode) or the stock reference. */
export interface ServerUnderTest {
  mode: Mode;
  label: string;
  pid: number;
  /** Every server process (one, except in cluster mode); CPU and memory figures add them up. */
  pids: number[];
  /** Where the next client connects (in cluster mode the processes take turns; routed, each document has one). */
  collabUrl(documentId: string): string;
  /** Session cookie the sockets send (ours only; the reference has no auth). */
  cookie: string | undefined;
  createDocument(title: string): Promise<string>;
  /** What the process has printed (the last ~100 KB). */
  log(): string;
  /** Forces a full garbage collection in the process and reads its memory (see `probe.mjs`). */
  probeMemory(): Promise<ProbedMemory>;
  /** Starts metering garbage collection in every process; the function returned stops and adds them up. */
  meterGc(): () => Promise<GcFigures>;
  /** Documents compacted so far, over every process (ours only: the reference keeps no log). */
  compactions?(): number;
  /** Size of the SQLite write-ahead log now, in bytes (SQLite mode only). */
  walBytes?(): number;
  /** CPU seconds spent by the services it depends on (Postgres backends of its database, Redis). */
  externalCpu?(): ExternalCpuMeter;
  /** The PostgreSQL database it stores in, if any. */
  databaseUrl?: string;
  stop(): Promise<void>;
}

export const labelOf: Record<Mode, string> = {
  sqlite: 'ours (SQLite)',
  postgres: 'ours (Postgres+Redis)',
  cluster: 'ours (2 processes, PG+Redis)',
  routed: 'ours (2 processes, routed by document)',
  memory: 'ours (memory)',
  'reference-postgres': 'reference + PG appends',
  reference: 'reference',
};

/**
 * Starts our server (`src/index.ts`) the way the `tsx` binary does, but as one process
 * (`node --import tsx`), so that the pid measured is the server's own. Signs in as the first
 * facilitator through the real invitation link.
 */
export async function startOurs(mode: Exclude<OurMode, 'cluster' | 'routed'>, options: StartOptions = {}, shared?: SharedDatabase): Promise<ServerUnderTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-bench-'));
  const db = shared?.db ?? (mode === 'postgres' ? await createTestDatabase() : undefined);
  const env: Record<string, string> = { ...options.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir };
  if (db) Object.assign(env, { DATABASE_URL: db.url, REDIS_URL });
  else env.STORAGE = mode;
  const child = spawnNode([...profileArgs(options), '--import', 'tsx', 'src/index.ts'], env);
  const cleanup = async () => {
    await child.stop();
    if (!shared) await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = Number((await child.waitFor(/"port":(\d+)[^\n]*listening on/, 60_000))[1]);
    const httpUrl = `http://127.0.0.1:${port}`;
    // A process joining a database that has a facilitator already uses that facilitator's session.
    const cookie = shared?.cookie ?? (await redeem(httpUrl, (await child.waitFor(/first one: (\S+?)"/, 10_000))[1]!, 'Bench Facilitator')).cookie;
    return {
      mode,
      label: labelOf[mode],
      pid: child.process.pid!,
      pids: [child.process.pid!],
      cookie,
      collabUrl: (id) => `ws://127.0.0.1:${port}/collab/${id}`,
      log: child.output,
      probeMemory: child.probeMemory,
      meterGc: () => meterGc([child]),
      compactions: child.compactions,
      async createDocument(title) {
        const res = await fetch(`${httpUrl}/api/strategies`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ title }),
        });
        if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { document: { id: string } }).document.id;
      },
      ...(db ? { databaseUrl: db.url, externalCpu: () => meterExternalCpu(new URL(db.url).pathname.slice(1)) } : {}),
      ...(mode === 'sqlite' ? { walBytes: () => fileBytes(path.join(dataDir, 'learning-city.sqlite-wal')) } : {}),
      stop: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** A file's size, 0 if it is not there. */
function fileBytes(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

interface SharedDatabase {
  db: Awaited<ReturnType<typeof createTestDatabase>>;
  cookie?: string;
}

/**
 * Two of our processes on one Postgres database and Redis, as behind a load balancer. Taking
 * turns (`cluster`), every document has clients on both and every edit crosses Redis; routed by
 * document (`routed`), documents are dealt to the processes in the order they are first joined, so
 * each has half of them and all of a document's clients.
 */
export async function startCluster(options: StartOptions = {}, mode: 'cluster' | 'routed' = 'cluster'): Promise<ServerUnderTest> {
  const db = await createTestDatabase();
  const shared: SharedDatabase = { db };
  const processes: ServerUnderTest[] = [];
  const cleanup = async () => {
    for (const p of processes) await p.stop();
    await db.drop();
  };
  try {
    for (let i = 0; i < 2; i++) {
      const server = await startOurs('postgres', options, shared);
      shared.cookie = server.cookie;
      processes.push(server);
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
  const [first] = processes as [ServerUnderTest, ...ServerUnderTest[]];
  let turn = 0;
  const home = new Map<string, ServerUnderTest>();
  const byDocument = (id: string) => home.get(id) ?? home.set(id, processes[home.size % processes.length]!).get(id)!;
  return {
    ...first,
    mode,
    label: labelOf[mode],
    pids: processes.map((p) => p.pid),
    collabUrl: (id) => (mode === 'cluster' ? processes[turn++ % processes.length]! : byDocument(id)).collabUrl(id),
    log: () => processes.map((p) => p.log()).join('\n'),
    meterGc: () => {
      const stops = processes.map((p) => p.meterGc());
      return async () => sumGc(await Promise.all(stops.map((stop) => stop())));
    },
    compactions: () => processes.reduce((n, p) => n + (p.compactions?.() ?? 0), 0),
    stop: cleanup,
  };
}

/**
 * Starts the stock `@y/websocket-server` (in memory, any path is a room, no auth); `durable`, with
 * each update appended to a database of its own before it is relayed (`durableReference.ts`).
 */
export async function startReference(options: StartOptions = {}, durable = false): Promise<ServerUnderTest> {
  if (!fs.existsSync(referenceScript)) throw new Error(`reference server not installed at ${referenceScript}`);
  const port = await freePort();
  const db = durable ? await createTestDatabase() : undefined;
  // The stock server has no SIGTERM handler, and a profile is only written on a normal exit.
  const exitOnTerm = options.profileDir ? ['--import', "data:text/javascript,process.on('SIGTERM',()=>process.exit(0))"] : [];
  const appendFirst = db ? ['--import', 'tsx', '--import', pathToFileURL(path.join(serverDir, 'bench', 'durableReference.ts')).href] : [];
  const child = spawnNode([...profileArgs(options), ...exitOnTerm, ...appendFirst, referenceScript], {
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(db ? { DATABASE_URL: db.url } : {}),
  });
  const stop = async () => {
    await child.stop();
    await db?.drop();
  };
  try {
    await child.waitFor(/running at/, 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  const mode = durable ? 'reference-postgres' : 'reference';
  return {
    mode,
    label: labelOf[mode],
    pid: child.process.pid!,
    pids: [child.process.pid!],
    cookie: undefined,
    collabUrl: (id) => `ws://127.0.0.1:${port}/collab/${id}`,
    createDocument: async () => randomBytes(12).toString('hex'),
    log: child.output,
    probeMemory: child.probeMemory,
    meterGc: () => meterGc([child]),
    ...(db ? { databaseUrl: db.url, externalCpu: () => meterExternalCpu(new URL(db.url).pathname.slice(1)) } : {}),
    stop,
  };
}

function meterGc(children: readonly Child[]): () => Promise<GcFigures> {
  for (const child of children) child.startGc();
  return async () => sumGc(await Promise.all(children.map((child) => child.stopGc())));
}

/** Several processes' collections as one figure: totals add up, the longest pause is the longest of all. */
function sumGc(figures: readonly GcFigures[]): GcFigures {
  return figures.reduce((sum, f) => ({
    allocatedBytes: sum.allocatedBytes + f.allocatedBytes,
    scavenges: sum.scavenges + f.scavenges,
    markCompacts: sum.markCompacts + f.markCompacts,
    pauseMs: sum.pauseMs + f.pauseMs,
    maxPauseMs: Math.max(sum.maxPauseMs, f.maxPauseMs),
    ...(f.loopDelayMaxMs === undefined
      ? {}
      : { loopDelayP99Ms: Math.max(sum.loopDelayP99Ms ?? 0, f.loopDelayP99Ms ?? 0), loopDelayMaxMs: Math.max(sum.loopDelayMaxMs ?? 0, f.loopDelayMaxMs) }),
  }));
}

/**
 * A column of a comparison: one of our modes, or the reference; ours optionally as a variant (extra
 * environment, e.g. a tuning knob or `NODE_OPTIONS`), labelled with it so both can run side by side.
 */
export interface Column {
  mode: Mode;
  variant?: Variant;
}

export interface Variant {
  name: string;
  env: Record<string, string>;
}

/** Parses `--variant` text: `KEY=VALUE` pairs separated by spaces (a value may hold `=` but no spaces). */
export function parseVariant(text: string): Variant {
  const pairs = text.trim().split(/\s+/).filter(Boolean);
  if (pairs.length === 0) throw new Error('a variant needs at least one KEY=VALUE');
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(pair);
    if (!m) throw new Error(`not KEY=VALUE: ${pair}`);
    env[m[1]!] = m[2]!;
  }
  return { name: pairs.join(' '), env };
}

export const columnLabel = ({ mode, variant }: Column): string => (variant ? `${labelOf[mode]} [${variant.name}]` : labelOf[mode]);

export async function startServer({ mode, variant }: Column, options: StartOptions = {}): Promise<ServerUnderTest> {
  if (mode === 'reference') return startReference(options);
  if (mode === 'reference-postgres') return startReference(options, true);
  const withEnv = variant ? { ...options, env: variant.env } : options;
  const server = await (mode === 'cluster' || mode === 'routed' ? startCluster(withEnv, mode) : startOurs(mode, withEnv));
  return { ...server, label: columnLabel({ mode, variant }) };
}

