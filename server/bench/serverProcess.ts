import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `process.memoryUsage()` of the server after a forced full GC, in bytes. */
export interface ProbedMemory {
  rss: number;
  heapUsed: number;
  external: number;
}

/**
 * Loaded into both servers with `--expose-gc`: on SIGUSR2 it collects garbage and prints its
 * memory as one JSON line. RSS alone says little per connection: a process with free heap pages
 * (ours, after a bigger boot) absorbs new objects without growing it.
 */
const MEMORY_PROBE = [
  '--expose-gc',
  '--import',
  `data:text/javascript,process.on('SIGUSR2',()=>{globalThis.gc();const m=process.memoryUsage();process.stdout.write(JSON.stringify({benchMemory:{rss:m.rss,heapUsed:m.heapUsed,external:m.external}})+'\\n')})`,
];

export interface StartOptions {
  /** Directory for `--cpu-prof` output of the server child, or none. */
  profileDir?: string;
  /** Extra environment for our server (a `--variant`); `NODE_OPTIONS` in it passes V8 and Node flags. */
  env?: Record<string, string>;
}

/** A spawned server process. */
export interface Child {
  process: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  probeMemory(): Promise<ProbedMemory>;
  stop(): Promise<void>;
}

/** Spawns node with the given args; keeps (the tail of) its output so its pipes never fill up. */
export function spawnNode(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, [...MEMORY_PROBE, ...args], {
    cwd: serverDir,
    // NODE_OPTIONS is always set, so nothing of the load generator's own loader leaks into the child.
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let partial = '';
  const probes: ((memory: ProbedMemory) => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('{"benchMemory":')) probes.shift()?.((JSON.parse(line) as { benchMemory: ProbedMemory }).benchMemory);
      else output += `${line}\n`;
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
  return {
    process: child,
    output: () => output,
    waitFor,
    probeMemory: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('memory probe did not answer')), 10_000);
        probes.push((memory) => {
          clearTimeout(timer);
          resolve(memory);
        });
        child.kill('SIGUSR2');
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
export const profileArgs = ({ profileDir }: StartOptions) => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);

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

