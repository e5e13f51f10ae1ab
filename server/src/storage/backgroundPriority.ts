/** How far below the process a background thread runs (nice steps; 19 is the lowest priority). */
export const BACKGROUND_NICE_STEPS = 10;

/**
 * Plain JavaScript that the storage's background workers (the merge worker, the WAL checkpointer)
 * evaluate first: it lowers that thread's own priority by `BACKGROUND_NICE_STEPS`. Their work can
 * wait a little; the event loop's cannot. When a worker shares a core with the event loop (a
 * one-core server, or a busy two-core one), the scheduler otherwise splits the core between them
 * while a merge runs: measured on one core, a merge worker at the process's priority put the event
 * loop's delay at p99 at 4.7–4.8 ms, and 1.5–1.6 ms ten steps below, with the worker doing the same
 * number of merges. Linux keeps a nice value per thread and `/proc/thread-self` names this one;
 * elsewhere, or if it is refused, the thread keeps the process's priority.
 */
export const BACKGROUND_PRIORITY_SOURCE = `
try {
  const os = require('node:os');
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  os.setPriority(tid, Math.min(19, os.getPriority(tid) + ${BACKGROUND_NICE_STEPS}));
} catch {}
`;
