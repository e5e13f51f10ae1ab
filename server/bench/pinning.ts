import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/**
 * `--pin`: the servers under test get core 0 and everything else (the load generator, the local
 * PostgreSQL and Redis) the other cores, as if each server had a machine of its own with its clients
 * and database elsewhere. Without it, every process may run on every core, and a server is often
 * preempted by the process it has just woken with a write (the generator reading a relay, a
 * PostgreSQL backend reading an append), which is a cost of sharing a small machine rather than of
 * the server. Affinity is set with `taskset` (util-linux), which is on every Linux machine.
 */
export interface CoreSplit {
  /** Cores the servers run on (a `taskset` list). */
  servers: string;
  /** Cores everything else runs on. */
  others: string;
}

export function splitCores(count: number = os.availableParallelism()): CoreSplit {
  if (count < 2) throw new Error(`--pin needs at least 2 cores; this machine has ${count}`);
  return { servers: '0', others: count === 2 ? '1' : `1-${count - 1}` };
}

/** The cores a process may run on, as `taskset` lists them ("0,1", "0-3"). */
export function affinityOf(pid: number): string {
  const out = execFileSync('taskset', ['-cp', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // "pid 123's current affinity list: 0,1"
  const list = /list:\s*(\S+)/.exec(out)?.[1];
  if (!list) throw new Error(`unexpected taskset output: ${out.trim()}`);
  return list;
}

/**
 * Restricts every thread of a process to `cpus`; threads and processes it starts later inherit
 * that. Returns the list it had before, to put back.
 */
export function pinProcess(pid: number, cpus: string): string {
  const before = affinityOf(pid);
  execFileSync('taskset', ['-a', '-cp', cpus, String(pid)], { stdio: 'ignore' });
  return before;
}

/** Processes whose command name (`/proc/<pid>/comm`) is one of `names`. */
export function pidsNamed(names: readonly string[]): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (names.includes(fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) pids.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return pids;
}

/** The services the Postgres+Redis modes use, when they run on this machine. */
const SERVICES = ['postgres', 'redis-server'];

/**
 * Moves this process (the generator) and the local PostgreSQL and Redis processes to `split.others`.
 * PostgreSQL starts a backend per connection from its postmaster, so backends opened later are
 * born there too. Returns what undoes it for the services (called on exit); services that cannot be
 * moved (another user's, without root) are listed in `skipped`.
 */
export function pinGeneratorAndServices(split: CoreSplit): { services: number; skipped: number; restore(): void } {
  pinProcess(process.pid, split.others);
  const moved: { pid: number; before: string }[] = [];
  let skipped = 0;
  for (const pid of pidsNamed(SERVICES)) {
    try {
      moved.push({ pid, before: pinProcess(pid, split.others) });
    } catch {
      skipped += 1;
    }
  }
  return {
    services: moved.length,
    skipped,
    restore() {
      for (const { pid, before } of moved.splice(0)) {
        try {
          pinProcess(pid, before);
        } catch {
          // The service ended meanwhile.
        }
      }
    },
  };
}
