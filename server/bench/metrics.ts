import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import { gcFigures } from './gcFigures.mjs';
import { machineBusySeconds } from './procStats.ts';

/** One printed figure. Numbers get a ratio (ours / reference) in the table; text does not. */
export interface Metric {
  label: string;
  value: number | string;
  /** Decimals to print. Default 1. */
  digits?: number;
}

export interface ScenarioResult {
  server: string;
  metrics: Metric[];
  /** Anything the table cannot say (failures, caveats). */
  notes: string[];
}

/**
 * CPU, event-loop delay and garbage collection of the load generator itself over a phase (if it
 * is saturated or pauses, the latencies it reports are its own), and how busy the rest of the
 * machine was: the machine is shared, and other processes' CPU is what makes latency tails unreliable.
 */
export function meterGenerator(): { stop(seconds: number, serverCpu: number): Metric[] } {
  const cpu = process.cpuUsage();
  const machine = machineBusySeconds();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const gc = new v8.GCProfiler();
  const usedAtStart = v8.getHeapStatistics().used_heap_size;
  gc.start();
  return {
    stop(seconds, serverCpu) {
      delay.disable();
      const collected = gcFigures(gc.stop().statistics, usedAtStart);
      const used = process.cpuUsage(cpu);
      const generator = (used.user + used.system) / 1e6;
      const others = machineBusySeconds() - machine - generator - serverCpu;
      return [
        { label: 'generator CPU (% of a core)', value: (generator / seconds) * 100 },
        { label: 'generator event-loop delay p99 (ms)', value: delay.percentile(99) / 1e6 },
        { label: 'generator event-loop delay max (ms)', value: delay.max / 1e6 },
        { label: 'generator GC pauses, total (ms)', value: collected.pauseMs },
        { label: 'generator GC pause, longest (ms)', value: collected.maxPauseMs },
        { label: 'generator GC: mark-compacts', value: collected.markCompacts, digits: 0 },
        { label: 'other processes on the machine (% of a core)', value: (Math.max(0, others) / seconds) * 100, digits: 0 },
      ];
    },
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Several runs of one server folded into one column: the median of each number (the machine is
 * shared, so one run can be unlucky), text kept when all runs agree and listed when they do not.
 */
export function medianOf(runs: readonly ScenarioResult[]): ScenarioResult {
  if (runs.length === 1) return runs[0]!;
  const labels = [...new Set(runs.flatMap((r) => r.metrics.map((m) => m.label)))];
  const metrics = labels.map((label): Metric => {
    const found = runs.map((r) => r.metrics.find((m) => m.label === label)).filter((m): m is Metric => m !== undefined);
    const numbers = found.map((m) => m.value).filter((v): v is number => typeof v === 'number');
    const digits = found[0]?.digits;
    if (numbers.length === found.length) return { label, value: median(numbers), ...(digits === undefined ? {} : { digits }) };
    const texts = [...new Set(found.map((m) => String(m.value)))];
    return { label, value: texts.join(' / ') };
  });
  return { server: runs[0]!.server, metrics, notes: [...new Set(runs.flatMap((r, i) => r.notes.map((n) => `run ${i + 1}: ${n}`)))] };
}

/** Figures whose per-round ratios are printed under a table of medians. */
export const KEY_FIGURES = [
  'server CPU per 1,000 deliveries (ms)',
  'server CPU: event-loop thread (s)',
  'latency p99 (ms)',
  'server CPU per joiner (ms)',
  'RSS per connection, median while idle (KB)',
] as const;

/**
 * For each key figure, ours / reference round by round (round i of a mode against round i of the
 * reference, which ran right after it), with the median of those ratios and how many are over 1:
 * the spread a median of each column hides. Columns are our modes, then the
 * reference last, each with one result per round.
 */
export function roundRatioLines(columns: readonly (readonly ScenarioResult[])[], labels: readonly string[] = KEY_FIGURES): string[] {
  const reference = columns.at(-1) ?? [];
  const valueOf = (result: ScenarioResult | undefined, label: string) => {
    const value = result?.metrics.find((m) => m.label === label)?.value;
    return typeof value === 'number' ? value : undefined;
  };
  const lines: string[] = [];
  for (const label of labels) {
    const parts = columns.slice(0, -1).flatMap((runs) => {
      const ratios = runs.map((run, i) => {
        const ours = valueOf(run, label);
        const ref = valueOf(reference[i], label);
        return ours === undefined || ref === undefined || ref === 0 ? undefined : ours / ref;
      });
      if (ratios.some((r) => r === undefined)) return [];
      const values = ratios as number[];
      const over = values.filter((r) => r > 1).length;
      const summary = values.length > 1 ? ` (median ${median(values).toFixed(2)}, ${over} of ${values.length} over 1)` : '';
      return [`${runs[0]!.server} ${values.map((r) => r.toFixed(2)).join(', ')}${summary}`];
    });
    if (parts.length) lines.push(`${label}, per round: ${parts.join('; ')}`);
  }
  return lines;
}
