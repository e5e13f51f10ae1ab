import path from 'node:path';
import * as Y from 'yjs';
import { BenchClient } from '../BenchClient.ts';
import { DeliveryLedger } from '../DeliveryLedger.ts';
import { meterGenerator } from '../metrics.ts';
import type { Metric, ScenarioResult } from '../metrics.ts';
import { cpuSeconds, mainThreadShare, memoryKb, schedStats, threadCpuSeconds } from '../procStats.ts';
import type { ServerUnderTest } from '../serverUnderTest.ts';
import { mapLimit, maximum, percentile, sleep, waitUntil } from '../stats.ts';
import { recordPerf } from '../perfRecord.ts';
import { connectAll } from './connectAll.ts';

export interface EditingOptions {
  documents: number;
  clientsPerDocument: number;
  /** Edits per second per client; each edit also moves the caret (one awareness update). */
  rate: number;
  seconds: number;
  /**
   * Seconds of the same load before anything is measured. One-time costs (JIT compilation, worker
   * threads started on first use) then stay out of the per-delivery figures, for every server alike.
   */
  warmupSeconds?: number;
  /** Record each server process's event-loop thread with `perf` while measured, into this directory. */
  perfDir?: string;
}

/** `ours (Postgres+Redis) [K=V]` as a file name. */
const fileSafe = (label: string) => label.replace(/[^A-Za-z0-9=+-]+/g, '_').replace(/^_|_$/g, '');

/** How long to wait, after the last edit, for deliveries still in flight before counting them lost. */
const DRAIN_MS = 20_000;

/**
 * D documents x C clients, each typing a marker and moving its caret R times a second for S
 * seconds; every delivery is timed from send to receipt, then every replica (and a late joiner per
 * document) is compared.
 */
export async function runEditing(server: ServerUnderTest, options: EditingOptions): Promise<ScenarioResult> {
  const { documents, clientsPerDocument, rate, seconds } = options;
  const notes: string[] = [];
  const ledger = new DeliveryLedger();
  const docIds = await mapLimit(Array.from({ length: documents }, (_, i) => i), 10, (i) => server.createDocument(`Bench strategy ${i}`));
  const groups = docIds.map((id, d) =>
    Array.from({ length: clientsPerDocument }, (_, c) => new BenchClient(d * clientsPerDocument + c, server.collabUrl(id), server.cookie, ledger)),
  );
  const clients = groups.flat();
  const connectFailures = await connectAll(clients);
  if (connectFailures.length) notes.push(`${connectFailures.length} clients failed to connect: ${connectFailures[0]}`);
  await sleep(1_000);
  if (options.warmupSeconds) {
    await driveEdits(groups, rate, options.warmupSeconds);
    if (!(await waitUntil(() => ledger.received >= ledger.expected, DRAIN_MS))) notes.push('warm-up deliveries still missing; counted from the measured phase on');
    ledger.reset();
  }

  const cpuOf = () => server.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const cpuStart = cpuOf();
  const threadsStart = server.pids.map(threadCpuSeconds);
  const schedOf = () =>
    server.pids.map(schedStats).reduce((sum, s) => ({ waitNs: sum.waitNs + s.waitNs, preempted: sum.preempted + s.preempted, blocked: sum.blocked + s.blocked }));
  const schedStart = schedOf();
  const external = server.externalCpu?.();
  const stopGc = server.meterGc();
  const compactionsBefore = server.compactions?.();
  const generator = meterGenerator();
  const framesBefore = clients.reduce((n, c) => n + c.framesReceived, 0);
  const bytesBefore = clients.reduce((n, c) => n + c.bytesReceived, 0);
  let largestWal = 0;
  const walSampler = server.walBytes && setInterval(() => (largestWal = Math.max(largestWal, server.walBytes!())), 250);
  const started = performance.now();
  const recordings = options.perfDir ? server.pids.map((pid) => recordPerf(pid, path.join(options.perfDir!, `${fileSafe(server.label)}-${pid}.perf.data`), seconds)) : [];
  await driveEdits(groups, rate, seconds);
  await Promise.all(recordings).catch((err: unknown) => notes.push(`perf: ${(err as Error).message}`));
  const lastEdit = performance.now();
  const drained = await waitUntil(() => ledger.received >= ledger.expected, DRAIN_MS);
  const drainSeconds = (performance.now() - lastEdit) / 1_000;
  if (walSampler) clearInterval(walSampler);
  const { received, lost } = ledger;
  const frames = clients.reduce((n, c) => n + c.framesReceived, 0) - framesBefore;
  const bytes = clients.reduce((n, c) => n + c.bytesReceived, 0) - bytesBefore;
  const elapsed = (performance.now() - started) / 1_000;
  const cpu = cpuOf() - cpuStart;
  const compactions = compactionsBefore === undefined ? undefined : server.compactions!() - compactionsBefore;
  const schedEnd = schedOf();
  const gc = await stopGc();
  const shares = server.pids.map((pid, i) => mainThreadShare(pid, threadsStart[i]!, threadCpuSeconds(pid)));
  const threads = shares.reduce((sum, t) => ({ main: sum.main + t.main, others: sum.others + t.others }), { main: 0, others: 0 });
  // Our storage's workers name their threads; the rest of "other threads" is Node's and V8's.
  const named = new Map<string, number>();
  for (const share of shares) for (const [name, seconds] of share.named) named.set(name, (named.get(name) ?? 0) + seconds);
  const externalCpu = await external?.stop();
  const generatorMetrics = generator.stop(elapsed, cpu + (externalCpu ? externalCpu.postgres + externalCpu.redis : 0));
  if (!drained) notes.push(`deliveries still missing ${DRAIN_MS / 1000} s after the last edit`);

  const converged = await checkConvergence(server, groups, docIds);
  const memory = server.pids.map(memoryKb).reduce((sum, m) => ({ rssKb: sum.rssKb + m.rssKb, peakKb: sum.peakKb + m.peakKb }));
  const closed = clients.filter((c) => c.unexpectedClose !== undefined);
  if (closed.length) notes.push(`${closed.length} sockets closed unexpectedly (first code ${closed[0]!.unexpectedClose})`);
  if (ledger.duplicates || ledger.unknown) notes.push(`${ledger.duplicates} duplicate and ${ledger.unknown} unknown deliveries`);
  clients.forEach((c) => c.close());

  const lat = ledger.latencies;
  const metrics: Metric[] = [
    ...connectMetrics(clients),
    { label: 'edits sent', value: ledger.sentCount, digits: 0 },
    { label: 'latency p50 (ms)', value: percentile(lat, 50), digits: 2 },
    { label: 'latency p95 (ms)', value: percentile(lat, 95), digits: 2 },
    { label: 'latency p99 (ms)', value: percentile(lat, 99), digits: 2 },
    { label: 'latency max (ms)', value: maximum(lat), digits: 2 },
    { label: 'deliveries expected', value: ledger.expected, digits: 0 },
    { label: 'deliveries received', value: received, digits: 0 },
    { label: 'deliveries lost', value: lost, digits: 0 },
    { label: 'drain after last edit (s)', value: drainSeconds, digits: 2 },
    { label: 'documents converged', value: `${converged}/${documents}` },
    { label: 'frames sent by the server per edit', value: frames / Math.max(1, ledger.sentCount), digits: 1 },
    { label: 'bytes sent by the server per edit', value: bytes / Math.max(1, ledger.sentCount), digits: 0 },
    { label: 'server CPU (s)', value: cpu, digits: 2 },
    { label: 'server CPU per 1,000 deliveries (ms)', value: (cpu / Math.max(1, received)) * 1e6, digits: 2 },
    { label: 'server CPU: event-loop thread (s)', value: threads.main, digits: 2 },
    { label: 'server CPU: other threads (s)', value: threads.others, digits: 2 },
    ...[...named].sort(([a], [b]) => a.localeCompare(b)).map(([name, seconds]): Metric => ({ label: `server CPU: of which ${name} (s)`, value: seconds, digits: 2 })),
    { label: 'server event loop: waited for a core (ms)', value: (schedEnd.waitNs - schedStart.waitNs) / 1e6 },
    { label: 'server event loop: preempted (times)', value: schedEnd.preempted - schedStart.preempted, digits: 0 },
    { label: 'server event loop: blocked waiting for work (times)', value: schedEnd.blocked - schedStart.blocked, digits: 0 },
    { label: 'server heap allocated per delivery (KB)', value: gc.allocatedBytes / 1024 / Math.max(1, received), digits: 2 },
    { label: 'server GC: scavenges', value: gc.scavenges, digits: 0 },
    { label: 'server GC: mark-compacts', value: gc.markCompacts, digits: 0 },
    { label: 'server GC pauses, total (ms)', value: gc.pauseMs },
    { label: 'server GC pause, longest (ms)', value: gc.maxPauseMs },
  ];
  if (gc.loopDelayMaxMs !== undefined) {
    metrics.push({ label: 'server event-loop delay p99 (ms)', value: gc.loopDelayP99Ms! }, { label: 'server event-loop delay max (ms)', value: gc.loopDelayMaxMs });
  }
  if (compactions !== undefined) metrics.push({ label: 'documents compacted while measured', value: compactions, digits: 0 });
  if (server.walBytes) {
    metrics.push(
      { label: 'SQLite WAL file, largest while measured (MB)', value: largestWal / 2 ** 20 },
      { label: 'SQLite WAL file at end (MB)', value: server.walBytes() / 2 ** 20 },
    );
  }
  if (externalCpu) {
    metrics.push(
      { label: 'Postgres backends CPU (s)', value: externalCpu.postgres, digits: 2 },
      { label: 'Redis CPU, whole server (s)', value: externalCpu.redis, digits: 2 },
      { label: 'server+Postgres+Redis CPU per 1,000 deliveries (ms)', value: ((cpu + externalCpu.postgres + externalCpu.redis) / Math.max(1, received)) * 1e6, digits: 2 },
    );
  }
  metrics.push(
    { label: 'server RSS at end (MB)', value: memory.rssKb / 1024 },
    { label: 'server peak RSS (MB)', value: memory.peakKb / 1024 },
    ...generatorMetrics,
  );
  return { server: server.label, metrics, notes };
}

/**
 * Each client edits on its own fixed schedule (a random phase, then every 1/R s). A driver fires
 * whatever is due every 5 ms, catching up if the generator fell behind, so every server under test
 * is offered exactly the same number of edits.
 */
async function driveEdits(groups: BenchClient[][], rate: number, seconds: number): Promise<void> {
  const period = 1_000 / rate;
  const end = seconds * 1_000;
  const schedule = groups.flatMap((group) => group.map((client) => ({ client, group, next: Math.random() * period })));
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const driver = setInterval(() => {
      const now = performance.now() - started;
      for (const entry of schedule) {
        while (entry.next <= now && entry.next < end) {
          // A client whose socket the server closed stops typing (a real one would reconnect and resync).
          if (entry.client.open) entry.client.edit(entry.group.filter((other) => other !== entry.client && other.open).length);
          entry.next += period;
        }
      }
      if (now >= end) {
        clearInterval(driver);
        resolve();
      }
    }, 5);
  });
}

export function connectMetrics(clients: readonly BenchClient[]): Metric[] {
  const synced = clients.map((c) => c.syncMs).filter((ms) => !Number.isNaN(ms));
  const opened = clients.map((c) => c.openMs).filter((ms) => !Number.isNaN(ms));
  return [
    { label: 'connect: socket open p50 (ms)', value: percentile(opened, 50), digits: 2 },
    { label: 'connect: synced p50 (ms)', value: percentile(synced, 50), digits: 2 },
    { label: 'connect: synced max (ms)', value: maximum(synced), digits: 2 },
  ];
}

/**
 * Every client of a document must hold the same state, and so must a client that joins afterwards
 * (what the server would hand a newcomer). Returns how many documents passed.
 */
async function checkConvergence(server: ServerUnderTest, groups: BenchClient[][], docIds: string[]): Promise<number> {
  // Settle: the last edits' own echoes and awareness may still be in flight.
  await sleep(500);
  const results = await mapLimit([...groups.keys()], 5, async (index) => {
    const group = groups[index]!;
    const late = new BenchClient(-1 - index, server.collabUrl(docIds[index]!), server.cookie, undefined);
    try {
      await late.connect();
      const expected = Y.encodeStateVector(late.doc);
      const text = late.text.toString();
      return group.every((c) => c.text.toString() === text && Buffer.from(Y.encodeStateVector(c.doc)).equals(expected));
    } catch {
      return false;
    } finally {
      late.close();
    }
  });
  return results.filter(Boolean).length;
}
