import { BenchClient } from '../BenchClient.ts';
import { meterGenerator } from '../metrics.ts';
import type { ScenarioResult } from '../metrics.ts';
import { cpuSeconds, memoryKb } from '../procStats.ts';
import type { ServerUnderTest } from '../serverUnderTest.ts';
import { mapLimit, percentile, sleep } from '../stats.ts';
import { connectAll } from './connectAll.ts';
import { connectMetrics } from './editing.ts';

export interface IdleOptions {
  documents: number;
  clientsPerDocument: number;
  /** How long the crowd stays connected doing nothing but renewing presence (every ~15 s). */
  seconds: number;
}

/**
 * Many connected, mostly idle clients: what a connection costs the server in memory, and what
 * keeping them (presence renewals, pings, access revalidation) costs in CPU.
 */
export async function runIdle(server: ServerUnderTest, options: IdleOptions): Promise<ScenarioResult> {
  const { documents, clientsPerDocument, seconds } = options;
  const notes: string[] = [];
  const docIds = await mapLimit(Array.from({ length: documents }, (_, i) => i), 10, (i) => server.createDocument(`Idle strategy ${i}`));
  const clients = docIds.flatMap((id, d) =>
    Array.from({ length: clientsPerDocument }, (_, c) => new BenchClient(d * clientsPerDocument + c, server.collabUrl(id), server.cookie, undefined)),
  );
  await sleep(1_000);
  const heapBefore = await server.probeMemory();
  const before = memoryKb(server.pid).rssKb;
  const connectCpuStart = cpuSeconds(server.pid);
  const failures = await connectAll(clients);
  if (failures.length) notes.push(`${failures.length} clients failed to connect: ${failures[0]}`);
  const connectCpu = cpuSeconds(server.pid) - connectCpuStart;
  await sleep(2_000);
  const afterConnect = memoryKb(server.pid).rssKb;
  const heapAfter = await server.probeMemory();

  const cpuStart = cpuSeconds(server.pid);
  const sentBefore = clients.reduce((n, c) => n + c.awarenessSent, 0);
  const generator = meterGenerator();
  // RSS moves with the garbage collector; the median over the idle phase is steadier than one reading.
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(memoryKb(server.pid).rssKb), 500);
  await sleep(seconds * 1_000);
  clearInterval(sampler);
  const idleCpu = cpuSeconds(server.pid) - cpuStart;
  const renewals = clients.reduce((n, c) => n + c.awarenessSent, 0) - sentBefore;
  const generatorMetrics = generator.stop(seconds, idleCpu);
  const end = memoryKb(server.pid);
  const open = clients.filter((c) => c.open).length;
  clients.forEach((c) => c.close());

  const n = clients.length;
  return {
    server: server.label,
    notes,
    metrics: [
      ...connectMetrics(clients),
      { label: 'connections open at end', value: `${open}/${n}` },
      { label: 'server CPU to connect all (s)', value: connectCpu, digits: 2 },
      { label: 'server RSS before connect (MB)', value: before / 1024 },
      { label: 'server RSS after connect (MB)', value: afterConnect / 1024 },
      { label: 'RSS per connection after connect (KB)', value: (afterConnect - before) / n, digits: 1 },
      { label: 'RSS per connection, median while idle (KB)', value: (percentile(samples, 50) - before) / n, digits: 1 },
      {
        label: 'JS heap + external per connection, after full GC (KB)',
        value: (heapAfter.heapUsed + heapAfter.external - heapBefore.heapUsed - heapBefore.external) / 1024 / n,
        digits: 1,
      },
      { label: 'server peak RSS (MB)', value: end.peakKb / 1024 },
      { label: 'presence renewals sent while idle', value: renewals, digits: 0 },
      { label: 'server CPU while idle (s)', value: idleCpu, digits: 2 },
      { label: 'idle CPU (% of a core)', value: (idleCpu / seconds) * 100, digits: 2 },
      ...generatorMetrics,
    ],
  };
}
