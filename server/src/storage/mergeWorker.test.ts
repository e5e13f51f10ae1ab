import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { threadNiceValues } from '../../bench/procStats.ts';
import { newThreadNames, newThreadNiceValues } from '../../test/threadPriorities.ts';
import { BACKGROUND_NICE_STEPS } from './backgroundPriority.ts';
import { mergeStoredState } from './mergeState.ts';
import { MergeWorker } from './mergeWorker.ts';

/** A snapshot plus a log of real edits (inserts, deletes, a map) from two clients. */
function storedState() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const log: Uint8Array[] = [];
  a.on('update', (u: Uint8Array) => log.push(u));
  b.on('update', (u: Uint8Array) => log.push(u));
  a.getText('t').insert(0, 'Nairobi learning city. ');
  const snapshot = Y.encodeStateAsUpdate(a);
  log.length = 0;
  Y.applyUpdate(b, snapshot);
  for (let i = 0; i < 50; i++) {
    a.getText('t').insert(a.getText('t').length, `a${i} `);
    b.getMap('meta').set('k', i);
    if (i % 5 === 4) a.getText('t').delete(0, 3);
  }
  return { snapshot, updates: [...log, new Uint8Array([1, 2, 3])] };
}

describe('MergeWorker', () => {
  const workers: MergeWorker[] = [];
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.close();
  });

  it('merges off the event loop with exactly the result of mergeStoredState, skipping what cannot apply', async () => {
    const worker = new MergeWorker();
    workers.push(worker);
    expect(worker.offThread).toBe(false);
    const state = storedState();
    const expected = mergeStoredState(state);
    expect(expected.skipped).toBe(1);
    const merged = await worker.merge(state);
    expect(worker.offThread).toBe(true);
    expect(merged.skipped).toBe(1);
    expect(Array.from(merged.update)).toEqual(Array.from(expected.update));
  });

  // Linux keeps a nice value per thread; elsewhere the worker keeps the process's priority.
  it.runIf(process.platform === 'linux')('runs below the event loop: its thread is niced and named, the process is not', async () => {
    const base = os.getPriority();
    const before = threadNiceValues();
    const worker = new MergeWorker();
    workers.push(worker);
    await worker.merge(storedState());
    expect(newThreadNiceValues(before)).toContain(Math.min(19, base + BACKGROUND_NICE_STEPS));
    expect(newThreadNames(before)).toContain('lcs-merge');
    expect(os.getPriority()).toBe(base);
  });

  it('merges on the calling thread once the worker is gone', async () => {
    const worker = new MergeWorker();
    workers.push(worker);
    await worker.close();
    expect(worker.offThread).toBe(false);
    const state = storedState();
    expect(Array.from((await worker.merge(state)).update)).toEqual(Array.from(mergeStoredState(state).update));
  });
});
