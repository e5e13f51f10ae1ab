import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { affinityOf, pidsNamed, pinProcess, splitCores } from './pinning.ts';
import { pinServersTo, spawnNode } from './serverProcess.ts';
import type { Child } from './serverProcess.ts';

/** The cores each thread of a process may run on, as the kernel reports them. */
function threadCpus(pid: number): string[] {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .map((tid) => /^Cpus_allowed_list:\s*(\S+)/m.exec(fs.readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8'))?.[1] ?? '?');
}

describe('--pin', () => {
  let sleeper: ChildProcess | undefined;
  let server: Child | undefined;
  afterEach(async () => {
    sleeper?.kill();
    sleeper = undefined;
    pinServersTo(undefined);
    await server?.stop();
    server = undefined;
  });

  it('gives the servers core 0 and the rest everything else, and needs two cores', () => {
    expect(splitCores(2)).toEqual({ servers: '0', others: '1' });
    expect(splitCores(8)).toEqual({ servers: '0', others: '1-7' });
    expect(() => splitCores(1)).toThrow(/at least 2 cores/);
  });

  it('finds processes by command name and moves every thread, returning what it had', async () => {
    sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((resolve) => sleeper!.once('spawn', resolve));
    // Until `sleep` has exec'd, the child may still carry node's name.
    await expect.poll(() => pidsNamed(['sleep']), { timeout: 5_000 }).toContain(sleeper.pid);
    const before = affinityOf(sleeper.pid!);
    expect(pinProcess(sleeper.pid!, '0')).toBe(before);
    expect(affinityOf(sleeper.pid!)).toBe('0');
    expect(threadCpus(sleeper.pid!).every((cpus) => cpus === '0')).toBe(true);
  });

  it('starts a server on its cores from the first thread on', async () => {
    pinServersTo('0');
    const script = `const { Worker } = require('node:worker_threads');
      new Worker('setTimeout(() => {}, 30000)', { eval: true }).once('online', () => console.log('up'));`;
    server = spawnNode(['-e', script], {});
    await server.waitFor(/up/, 10_000);
    const threads = threadCpus(server.process.pid!);
    // Node's own threads, V8's helpers and the worker: all of them were born on core 0.
    expect(threads.length).toBeGreaterThan(5);
    expect(threads.every((cpus) => cpus === '0')).toBe(true);
  });
});
