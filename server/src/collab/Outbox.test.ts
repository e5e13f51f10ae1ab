import { describe, expect, it } from 'vitest';
import { Outbox } from './Outbox.ts';

describe('Outbox', () => {
  it('runs work at once while nothing is in flight', () => {
    const outbox = new Outbox();
    const ran: string[] = [];
    outbox.run(() => ran.push('now'));
    expect(ran).toEqual(['now']);
    expect(outbox.clear).toBe(true);
  });

  it('holds work until every append issued before it is stored, in the order it was queued, even when appends are stored out of order', () => {
    const outbox = new Outbox();
    const ran: string[] = [];
    const first = outbox.issue();
    outbox.run(() => ran.push('after 1'));
    const second = outbox.issue();
    outbox.run(() => ran.push('after 2'));
    outbox.run(() => ran.push('also after 2'));
    expect(outbox.clear).toBe(false);

    // The second is stored first: nothing can go, the first is still in flight.
    outbox.stored(second);
    expect(ran).toEqual([]);
    outbox.stored(first);
    expect(ran).toEqual(['after 1', 'after 2', 'also after 2']);
    expect(outbox.clear).toBe(true);
  });

  it('work queued behind waiting work waits for it, even if nothing new was issued', () => {
    const outbox = new Outbox();
    const ran: string[] = [];
    const seq = outbox.issue();
    outbox.run(() => ran.push('relay'));
    outbox.run(() => ran.push('reply'));
    outbox.stored(seq);
    outbox.run(() => ran.push('later'));
    expect(ran).toEqual(['relay', 'reply', 'later']);
  });

  it('drained resolves once what was issued before it is stored, not what came after', async () => {
    const outbox = new Outbox();
    const first = outbox.issue();
    let drained = false;
    void outbox.drained().then(() => (drained = true));
    const second = outbox.issue();
    outbox.stored(second);
    await Promise.resolve();
    expect(drained).toBe(false);
    outbox.stored(first);
    await Promise.resolve();
    expect(drained).toBe(true);
    await expect(outbox.drained()).resolves.toBeUndefined();
  });

  it('abandoned, it drops what waits and anything queued later, and wakes every drained caller', async () => {
    const outbox = new Outbox();
    const ran: string[] = [];
    outbox.issue();
    outbox.run(() => ran.push('never'));
    const waiting = outbox.drained();
    outbox.abandon();
    await waiting;
    outbox.run(() => ran.push('never either'));
    outbox.stored(1);
    expect(ran).toEqual([]);
    await expect(outbox.drained()).resolves.toBeUndefined();
  });
});
