import { describe, expect, it } from 'vitest';
import { GroupCommit } from './groupCommit.ts';
import { deferred } from '../../test/waiting.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('writes what arrives in one turn of the event loop as one group, in order, and resolves each after the write', async () => {
    const writes: string[][] = [];
    const group = new GroupCommit<string>((items) => {
      writes.push(items);
    });
    const done: string[] = [];
    const all = ['a', 'b', 'c'].map((x) => group.add(x).then(() => done.push(x)));
    expect(writes).toEqual([]);
    await Promise.all(all);
    expect(writes).toEqual([['a', 'b', 'c']]);
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('collects what arrives while a write is in flight and writes it next, as one group', async () => {
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const writes: number[][] = [];
    const group = new GroupCommit<number>(async (items) => {
      writes.push(items);
      const gate = deferred();
      gates.push(gate);
      await gate.promise;
    });
    const first = group.add(1);
    await tick();
    expect(writes).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => group.add(n));
    await tick();
    // Nothing else starts while the first write is in flight.
    expect(writes).toEqual([[1]]);
    gates[0]!.resolve();
    await first;
    await tick();
    expect(writes).toEqual([[1], [2, 3, 4]]);
    gates[1]!.resolve();
    await Promise.all(later);
    await group.settled();
    expect(group.size).toBe(0);
  });

  it('retries a failed group item by item, so only the item that cannot be written fails', async () => {
    const written: string[] = [];
    const group = new GroupCommit<string>((items) => {
      if (items.includes('bad')) throw new Error('constraint violated');
      written.push(...items);
    });
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((x) => group.add(x)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'constraint violated' });
    expect(written).toEqual(['a', 'c']);
  });

  it('settled() waits for queued and in-flight writes', async () => {
    const gate = deferred();
    const written: number[] = [];
    const group = new GroupCommit<number>(async (items) => {
      await gate.promise;
      written.push(...items);
    });
    void group.add(1);
    void group.add(2);
    let settled = false;
    const waiting = group.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    gate.resolve();
    await waiting;
    expect(written).toEqual([1, 2]);
    await expect(group.settled()).resolves.toBeUndefined();
  });

  it("resolves each caller with its own item's result, also when a failed group is retried item by item", async () => {
    let next = 100;
    const writes: string[][] = [];
    const group = new GroupCommit<string, number>((items) => {
      writes.push(items);
      if (items.length > 1 && items.includes('bad')) throw new Error('constraint violated');
      if (items[0] === 'bad') throw new Error('constraint violated');
      return items.map(() => next++);
    });
    expect(await Promise.all(['a', 'b', 'c'].map((x) => group.add(x)))).toEqual([100, 101, 102]);
    const results = await Promise.allSettled(['d', 'bad', 'e'].map((x) => group.add(x)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 103 },
      { status: 'rejected', reason: expect.any(Error) },
      { status: 'fulfilled', value: 104 },
    ]);
  });

  it('rejects every caller, writing nothing again, when a write returns results that do not match its items', async () => {
    const writes: string[][] = [];
    const group = new GroupCommit<string, number>((items) => {
      writes.push(items);
      return [1];
    });
    const results = await Promise.allSettled(['a', 'b'].map((x) => group.add(x)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain('returned 1 results for 2 items');
    expect(writes).toEqual([['a', 'b']]);
  });
});
