import { describe, expect, it } from 'vitest';
import { SerialQueue } from './SerialQueue.ts';
import { deferred } from '../../test/waiting.ts';

describe('SerialQueue', () => {
  it('runs tasks one at a time in submission order, even when an earlier one is slower', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = queue.run(async () => {
      log.push('first:start');
      await gate.promise;
      log.push('first:end');
    });
    const second = queue.run(() => {
      log.push('second');
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['first:start']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(log).toEqual(['first:start', 'first:end', 'second']);
  });

  it('hands each caller its own task\'s result', async () => {
    const queue = new SerialQueue();
    const results = await Promise.all([queue.run(() => 1), queue.run(async () => 'two'), queue.run(() => ({ three: 3 }))]);
    expect(results).toEqual([1, 'two', { three: 3 }]);
  });

  it('rejects only the failing task\'s promise and keeps running the tasks behind it', async () => {
    const queue = new SerialQueue();
    const ran: string[] = [];
    const failing = queue.run(async () => {
      ran.push('async failure');
      throw new Error('boom');
    });
    const throwing = queue.run(() => {
      ran.push('sync failure');
      throw new Error('bang');
    });
    const after = queue.run(() => {
      ran.push('after');
      return 'still running';
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(throwing).rejects.toThrow('bang');
    await expect(after).resolves.toBe('still running');
    expect(ran).toEqual(['async failure', 'sync failure', 'after']);
  });

  it('counts tasks submitted and not yet finished', async () => {
    const queue = new SerialQueue();
    expect(queue.size).toBe(0);
    const gate = deferred();
    const held = queue.run(() => gate.promise);
    const next = queue.run(() => undefined);
    expect(queue.size).toBe(2);
    gate.resolve();
    await Promise.all([held, next]);
    expect(queue.size).toBe(0);
  });

  it('idle() resolves once every task submitted so far has finished, failed ones included', async () => {
    const queue = new SerialQueue();
    const gate = deferred();
    const done: string[] = [];
    void queue.run(() => gate.promise.then(() => done.push('held')));
    queue.run(() => Promise.reject(new Error('ignored by idle'))).catch(() => done.push('failed'));
    let idle = false;
    const waiting = queue.idle().then(() => {
      idle = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(idle).toBe(false);
    gate.resolve();
    await waiting;
    expect(done).toEqual(['held', 'failed']);
  });
});
