import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setThreadsNice } from './procStats.ts';

export const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `process.memoryUsage()` of the server after a forced full GC, in bytes. */
export interface ProbedMemory {
  rss: number;
  heapUsed: number;
  external: number;
}

/** Garbage collection in a server over a phase, as `probe.mjs` meters it. */
export interface GcFigures {
  allocatedBytes: number;
  scavenges: number;
  markCompacts: number;
  /** Time the collector held the event-loop thread, in total and at most at once. */
  pauseMs: number;
  maxPauseMs: number;
  /** The event loop's delay over the phase, only with BENCH_LOOP_DELAY_MS (`--loop-delay`). */
  loopDelayP99Ms?: number;
  loopDelayMaxMs?: number;
}

/** Loaded into both servers: forced-GC memory probes and a GC meter (see `probe.mjs`). */
const PROBE = ['--expose-gc', '--import', pathToFileURL(path.join(serverDir, 'bench', 'probe.mjs')).href];

export interface StartOptions {
  /** Directory for `--cpu-prof` output of the server child, or none. */
  profileDir?: string;
  /** Start the server with `--perf-basic-prof`, so `perf` can name its JIT-compiled functions. */
  perfMap?: boolean;
  /** Extra environment for our server (a `--variant`); `NODE_OPTIONS` in it passes V8 and Node flags. */
  env?: Record<string, string>;
}

/** A spawned server process. */
export interface Child {
  process: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  probeMemory(): Promise<ProbedMemory>;
  /** How many compactions our server has logged so far ("document compacted"; 0 for the reference). */
  compactions(): number;
  /** Starts metering garbage collection; `stopGc` returns what happened since. */
  startGc(): void;
  stopGc(): Promise<GcFigures>;
  stop(): Promise<void>;
}

/**
 * With `--generator-nice`, the load generator's thread runs at a lower priority than the servers,
 * as clients on other machines would: then a server is not preempted by the generator it has just
 * woken with a write. A server would inherit the generator's nice value; each one is swept back
 * to this value (all its threads, every 100 ms while it runs).
 */
let serverNice: number | undefined;
export function keepServersAtNice(nice: number): void {
  serverNice = nice;
}

/** With `--pin`, the cores every server runs on (see `pinning.ts`); all its threads inherit them. */
let serverCpus: string | undefined;
export function pinServersTo(cpus: string | undefined): void {
  serverCpus = cpus;
}

/** Spawns node with the given args; keeps (the tail of) its output so its pipes never fill up. */
export function spawnNode(args: string[], env: Record<string, string>): Child {
  // taskset execs node in the same process, so the pid is the server's from its first instruction.
  const [command, prefix]: [string, string[]] = serverCpus === undefined ? [process.execPath, []] : ['taskset', ['-c', serverCpus, process.execPath]];
  const child = spawn(command, [...prefix, ...PROBE, ...args], {
    cwd: serverDir,
    // NODE_OPTIONS is always set, so nothing of the load generator's own loader leaks into the child.
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (serverNice !== undefined) {
    const nice = serverNice;
    const sweep = () => setThreadsNice(child.pid!, nice);
    sweep();
    const timer = setInterval(sweep, 100);
    timer.unref();
    child.once('exit', () => clearInterval(timer));
  }
  let output = '';
  let partial = '';
  let compactions = 0;
  /** Callers waiting for the probe's answer to a command, oldest first, per command. */
  const waiting = new Map<string, ((value: unknown) => void)[]>();
  // A server that exits early must not turn a write to its stdin into an unhandled error.
  child.stdin!.on('error', () => {});
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('{"benchProbe":')) {
        const { benchProbe, value } = JSON.parse(line) as { benchProbe: string; value: unknown };
        waiting.get(benchProbe)?.shift()?.(value);
      } else {
        if (line.includes('"msg":"document compacted"')) compactions += 1;
        output += `${line}\n`;
      }
    }
    if (output.length > 200_000) output = output.slice(-100_000);
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitFor = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
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
    });
  /** Sends a command to the probe (see `probe.mjs`) and waits for its answer. */
  const ask = <T>(command: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the probe did not answer "${command}"`)), 10_000);
      const queue = waiting.get(command) ?? [];
      waiting.set(command, queue);
      queue.push((value) => {
        clearTimeout(timer);
        resolve(value as T);
      });
      child.stdin!.write(`${command}\n`);
    });
  return {
    process: child,
    output: () => output,
    waitFor,
    probeMemory: () => ask<ProbedMemory>('memory'),
    compactions: () => compactions,
    startGc: () => child.stdin!.write('gc-start\n'),
    stopGc: async () => {
      const figures = await ask<GcFigures | null>('gc-stop');
      if (!figures) throw new Error('GC meter was not started');
      return figures;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Node refuses --cpu-prof in NODE_OPTIONS; it goes on the command line. */
export const profileArgs = ({ profileDir, perfMap }: StartOptions) => [
  ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  ...(perfMap ? ['--perf-basic-prof'] : []),
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

