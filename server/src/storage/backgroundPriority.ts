/** How far below the process a background thread runs (nice steps; 19 is the lowest priority). */
export const BACKGROUND_NICE_STEPS = 10;

/**
 * Plain JavaScript that each of the storage's background workers (the merge worker, the WAL
 * checkpointer) evaluates first. It lowers that thread's own priority by `BACKGROUND_NICE_STEPS`:
 * their work can wait a little; the event loop's cannot. When a worker shares a core with the
 * event loop (a one-core server, or a busy two-core one), the scheduler otherwise splits the core
 * between them while a merge runs: measured on one core, a merge worker at the process's priority
 * put the event loop's delay at p99 at 4.7–4.8 ms, and 1.5–1.6 ms ten steps below, with the worker
 * doing the same number of merges. It also names the thread (`name`, at most 15 characters), so
 * `top -H`, `ps -L` and the benchmark can tell it from Node's own threads, which are all `node`.
 * Linux keeps a nice value and a name per thread and `/proc/thread-self` is this one; elsewhere, or
 * if it is refused, the thread keeps the process's priority and name.
 */
export function backgroundThreadSource(name: string): string {
  if (!/^[\w-]{1,15}$/.test(name)) throw new Error(`not a thread name: ${JSON.stringify(name)}`);
  return `
try {
  const os = require('node:os');
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  os.setPriority(tid, Math.min(19, os.getPriority(tid) + ${BACKGROUND_NICE_STEPS}));
} catch {}
try {
  require('node:fs').writeFileSync('/proc/thread-self/comm', '${name}');
} catch {}
`;
}

/** The thread names the storage's workers take. */
export const MERGE_THREAD_NAME = 'lcs-merge';
export const CHECKPOINT_THREAD_NAME = 'lcs-checkpoint';
