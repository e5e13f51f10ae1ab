import { describe, expect, it } from 'vitest';
import { DeliveryLedger, markerText } from './DeliveryLedger.ts';
import { roundRatioLines } from './metrics.ts';
import type { ScenarioResult } from './metrics.ts';

const result = (server: string, cpu: number, p99?: number): ScenarioResult => ({
  server,
  metrics: [{ label: 'server CPU per 1,000 deliveries (ms)', value: cpu }, ...(p99 === undefined ? [] : [{ label: 'latency p99 (ms)', value: p99 }])],
  notes: [],
});

describe('roundRatioLines', () => {
  it('divides each round of each of our modes by the reference round run beside it', () => {
    const columns = [
      [result('ours (SQLite)', 20, 4), result('ours (SQLite)', 33, 6)],
      [result('ours (PG)', 30, 5), result('ours (PG)', 22, 9)],
      [result('reference', 20, 5), result('reference', 30, 3)],
    ];
    expect(roundRatioLines(columns, ['server CPU per 1,000 deliveries (ms)', 'latency p99 (ms)'])).toEqual([
      'server CPU per 1,000 deliveries (ms), per round: ours (SQLite) 1.00, 1.10 (median 1.05, 1 of 2 over 1); ours (PG) 1.50, 0.73 (median 1.12, 1 of 2 over 1)',
      'latency p99 (ms), per round: ours (SQLite) 0.80, 2.00 (median 1.40, 1 of 2 over 1); ours (PG) 1.00, 3.00 (median 2.00, 1 of 2 over 1)',
    ]);
  });

  it('gives the median of an odd number of rounds and counts only ratios above 1 as over', () => {
    const columns = [
      [result('ours', 9), result('ours', 30), result('ours', 10)],
      [result('reference', 10), result('reference', 20), result('reference', 10)],
    ];
    expect(roundRatioLines(columns, ['server CPU per 1,000 deliveries (ms)'])).toEqual([
      'server CPU per 1,000 deliveries (ms), per round: ours 0.90, 1.50, 1.00 (median 1.00, 1 of 3 over 1)',
    ]);
  });

  it('prints a single round without a summary', () => {
    expect(roundRatioLines([[result('ours', 12)], [result('reference', 10)]], ['server CPU per 1,000 deliveries (ms)'])).toEqual([
      'server CPU per 1,000 deliveries (ms), per round: ours 1.20',
    ]);
  });

  it('leaves out a figure a run lacks', () => {
    const columns = [[result('ours (SQLite)', 20)], [result('reference', 20, 5)]];
    expect(roundRatioLines(columns, ['latency p99 (ms)'])).toEqual([]);
  });
});

describe('DeliveryLedger', () => {
  it('counts from zero again after a reset, and treats earlier markers as unknown', () => {
    const ledger = new DeliveryLedger();
    ledger.sent(1, 1, 1, 0);
    ledger.receive(Buffer.from(markerText(1, 1)), 2, 5);
    expect([ledger.expected, ledger.received, ledger.latencies]).toEqual([1, 1, [5]]);
    ledger.reset();
    expect([ledger.sentCount, ledger.expected, ledger.received, ledger.lost, ledger.latencies]).toEqual([0, 0, 0, 0, []]);
    ledger.sent(1, 2, 1, 10);
    ledger.receive(Buffer.from(markerText(1, 1) + markerText(1, 2)), 2, 13);
    expect([ledger.received, ledger.unknown, ledger.latencies]).toEqual([1, 1, [3]]);
  });
});
