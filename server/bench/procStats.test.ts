import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { schedStats, setThreadsNice } from './procStats.ts';

describe('schedStats', () => {
  it('counts the event-loop thread blocking while it waits for a timer', async () => {
    const before = schedStats(process.pid);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const after = schedStats(process.pid);
    expect(after.blocked).toBeGreaterThan(before.blocked);
    expect(after.waitNs).toBeGreaterThanOrEqual(before.waitNs);
    expect(after.preempted).toBeGreaterThanOrEqual(before.preempted);
  });

  it('reads zeros for a process that is gone', () => {
    expect(schedStats(2 ** 22 + 12_345)).toEqual({ waitNs: 0, preempted: 0, blocked: 0 });
  });
});

describe('setThreadsNice', () => {
  it('sets the nice value of every thread of a process, not only its first', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      // Node's own threads (V8 platform, libuv) exist once it is running.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const tids = fs.readdirSync(`/proc/${child.pid}/task`).map(Number);
      expect(tids.length).toBeGreaterThan(1);
      setThreadsNice(child.pid!, 7);
      expect(tids.map((tid) => os.getPriority(tid))).toEqual(tids.map(() => 7));
    } finally {
      child.kill();
    }
  });
});
