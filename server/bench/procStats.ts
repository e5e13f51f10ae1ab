import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/**
 * CPU and memory of another process, read from /proc: `process.cpuUsage()` only sees this one, and
 * the servers under test run as children so that their figures exclude the load generator.
 */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds a process (all its threads) has used so far; 0 if it is gone. */
export function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // The command name may contain spaces; fields are counted from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/**
 * Each thread's `/proc/<pid>/task/<tid>/stat`, keyed by thread id: its name (`comm`, between the
 * parentheses; it may contain spaces) and the fields after it. Threads that end while they are read
 * are left out.
 */
function threadStats(pid: number | 'self'): Map<number, { name: string; fields: string[] }> {
  const threads = new Map<number, { name: string; fields: string[] }>();
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      threads.set(Number(tid), { name: stat.slice(stat.indexOf('(') + 1, close), fields: stat.slice(close + 2).split(' ') });
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return threads;
}

/**
 * CPU seconds and name of each thread of a process, keyed by thread id, so a run can tell the
 * event loop's share from that of worker threads, the libuv pool and V8's helpers (Node names them
 * all `node`; our storage's workers name theirs).
 */
export function threadCpuSeconds(pid: number): Map<number, { name: string; seconds: number }> {
  const threads = new Map<number, { name: string; seconds: number }>();
  for (const [tid, { name, fields }] of threadStats(pid)) threads.set(tid, { name, seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond });
  return threads;
}

/** The nice value of each thread of a process (Linux keeps one per thread), keyed by thread id. */
export function threadNiceValues(pid: number | 'self' = 'self'): Map<number, number> {
  const threads = new Map<number, number>();
  for (const [tid, { fields }] of threadStats(pid)) threads.set(tid, Number(fields[16]));
  return threads;
}

/** The name of each thread of a process (`comm`; Node's own are all `node`), keyed by thread id. */
export function threadNames(pid: number | 'self' = 'self'): Map<number, string> {
  const names = new Map<number, string>();
  for (const [tid, { name }] of threadStats(pid)) names.set(tid, name);
  return names;
}

/**
 * Splits a process's CPU between two readings of `threadCpuSeconds` into the main thread (the
 * event loop, whose tid is the pid) and everything else, and gives the threads that have a name of
 * their own (ours: the storage's workers) per name; threads that ended in between are missed.
 */
export function mainThreadShare(
  pid: number,
  before: ReturnType<typeof threadCpuSeconds>,
  after: ReturnType<typeof threadCpuSeconds>,
): { main: number; others: number; named: Map<string, number> } {
  let main = 0;
  let others = 0;
  const named = new Map<string, number>();
  for (const [tid, { name, seconds }] of after) {
    const used = seconds - (before.get(tid)?.seconds ?? 0);
    if (tid === pid) main += used;
    else others += used;
    if (tid !== pid && name !== 'node') named.set(name, (named.get(name) ?? 0) + used);
  }
  return { main, others, named };
}

/**
 * How the scheduler treated a process's event-loop thread (tid = pid) so far: nanoseconds it was
 * runnable but waiting for a core (`/proc/<pid>/task/<pid>/schedstat`), and how often it was
 * switched out while it still wanted to run (preempted) or because it waited (blocked in epoll,
 * say). On a machine whose cores the server shares with the generator and the database, the wait
 * is latency the server's own CPU figures do not show. Zeros if the kernel keeps no such counts.
 */
export function schedStats(pid: number): { waitNs: number; preempted: number; blocked: number } {
  try {
    const [, wait = '0'] = fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(' ');
    const status = fs.readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { waitNs: Number(wait), preempted: field('nonvoluntary_ctxt_switches'), blocked: field('voluntary_ctxt_switches') };
  } catch {
    return { waitNs: 0, preempted: 0, blocked: 0 };
  }
}

/**
 * Sets the nice value of every thread of a process (Linux keeps one per thread, and a thread or
 * child inherits it from the thread that made it). Lowering one needs root or CAP_SYS_NICE: that
 * error is thrown; threads that ended meanwhile are skipped.
 */
export function setThreadsNice(pid: number, nice: number): void {
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      if (os.getPriority(Number(tid)) !== nice) os.setPriority(Number(tid), nice);
    } catch (err) {
      if ((err as { code?: string }).code === 'ESRCH' || (err as { info?: { code?: string } }).info?.code === 'ESRCH') continue;
      throw err;
    }
  }
}

/** Resident set now and its high-water mark (VmHWM), in KiB. */
export function memoryKb(pid: number): { rssKb: number; peakKb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

/** Resets VmHWM to the current RSS (Linux `clear_refs` 5), so a phase's peak can be read alone. */
export function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples RSS every `intervalMs`; a fallback peak where `clear_refs` is not permitted. */
export function sampleRss(pid: number, intervalMs = 50): { stop(): number } {
  let maxKb = 0;
  const take = () => {
    try {
      maxKb = Math.max(maxKb, memoryKb(pid).rssKb);
    } catch {
      // The process ended; keep what was seen.
    }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return maxKb;
    },
  };
}

/** Open-file limit of this process (the load generator holds one descriptor per simulated client). */
export function openFileLimit(): { soft: string; hard: string } {
  const line = /^Max open files\s+(\S+)\s+(\S+)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'));
  return { soft: line?.[1] ?? '?', hard: line?.[2] ?? '?' };
}

/** CPU seconds the whole machine has been busy (every process, all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / ticksPerSecond;
}
