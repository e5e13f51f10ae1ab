import * as Y from 'yjs';
import { BenchClient } from '../BenchClient.ts';
import { joinDocument } from '../JoinClient.ts';
import type { ScenarioResult } from '../metrics.ts';
import { cpuSeconds, memoryKb, resetPeak, sampleRss } from '../procStats.ts';
import type { ServerUnderTest } from '../serverUnderTest.ts';
import { maximum, percentile, sleep } from '../stats.ts';

export interface JoinStormOptions {
  /** Size of the document's text, in megabytes (millions of characters). */
  megabytes: number;
  joiners: number;
}

/** The document is written in transactions of this many inserts of this many characters. */
const INSERTS_PER_TRANSACTION = 100;
const INSERT_CHARS = 1_000;

/**
 * One writer fills a document with ~N MB of text (1 KB inserts at random places, so it holds many
 * items, not one), stays connected (the document stays loaded, as with a facilitator present), and
 * then J clients join at the same instant. Measures time until all hold the document, and what the
 * storm costs the server.
 */
export async function runJoinStorm(server: ServerUnderTest, options: JoinStormOptions): Promise<ScenarioResult> {
  const notes: string[] = [];
  const docId = await server.createDocument('Join storm strategy');
  const url = server.collabUrl(docId);
  const writer = new BenchClient(0, url, server.cookie, undefined);
  await writer.connect();
  const prepared = performance.now();
  const target = Math.round(options.megabytes * 1e6);
  while (writer.text.length < target) {
    writer.doc.transact(() => {
      for (let i = 0; i < INSERTS_PER_TRANSACTION && writer.text.length < target; i++) {
        writer.text.insert(Math.floor(Math.random() * (writer.text.length + 1)), filler(INSERT_CHARS));
      }
    });
    // Let the socket drain rather than queue the whole document in one go.
    await sleep(5);
  }
  const expectedLength = writer.text.length;
  const encodeMs = timeFullEncode(writer.doc);
  const stored = await waitForServerCopy(url, server.cookie, expectedLength);
  const prepareSeconds = (performance.now() - prepared) / 1_000;
  if (!stored) notes.push('the server never returned the full prepared document');
  await sleep(1_000);

  const before = memoryKb(server.pid).rssKb;
  const peakReset = resetPeak(server.pid);
  const sampler = sampleRss(server.pid);
  const cpuStart = cpuSeconds(server.pid);
  const started = performance.now();
  const joins = Array.from({ length: options.joiners }, () => joinDocument(url, server.cookie));
  let reference: Buffer | undefined;
  let mismatched = 0;
  let failed = 0;
  const syncMs = await Promise.all(
    joins.map(({ done }) =>
      done.then(
        (payload) => {
          const at = performance.now() - started;
          const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
          if (!reference) reference = Buffer.from(bytes);
          else if (!reference.equals(bytes)) mismatched += 1;
          return at;
        },
        (err: unknown) => {
          failed += 1;
          if (failed === 1) notes.push(`a joiner failed: ${(err as Error).message}`);
          return NaN;
        },
      ),
    ),
  );
  const allSyncedSeconds = (performance.now() - started) / 1_000;
  const cpu = cpuSeconds(server.pid) - cpuStart;
  const sampledPeak = sampler.stop();
  const peak = Math.max(sampledPeak, peakReset ? memoryKb(server.pid).peakKb : 0);
  joins.forEach((j) => j.close());
  writer.close();
  if (!peakReset) notes.push('VmHWM could not be reset; storm peak is sampled every 50 ms');

  // Distinct encodings from one server state are fine; what matters is that each holds the document.
  let complete = false;
  if (reference) {
    const check = new Y.Doc();
    Y.applyUpdate(check, reference);
    complete = check.getText('t').length === expectedLength;
    check.destroy();
  }
  if (mismatched) notes.push(`${mismatched} joiners received a differently encoded state than the first`);

  const times = syncMs.filter((ms) => !Number.isNaN(ms));
  return {
    server: server.label,
    notes,
    metrics: [
      { label: 'document text (MB)', value: expectedLength / 1e6, digits: 2 },
      { label: 'encoded state sent to each joiner (MB)', value: (reference?.byteLength ?? NaN) / 1e6, digits: 2 },
      { label: 'preparation: write + server catch-up (s)', value: prepareSeconds, digits: 1 },
      { label: 'one full-state encode in the generator (ms)', value: encodeMs, digits: 1 },
      { label: 'joiners synced', value: `${times.length}/${options.joiners}` },
      { label: 'joiners hold the full document', value: complete ? 'yes' : 'no' },
      { label: 'time to sync p50 (ms)', value: percentile(times, 50), digits: 0 },
      { label: 'time until all synced (ms)', value: maximum(times), digits: 0 },
      { label: 'server CPU during the storm (s)', value: cpu, digits: 2 },
      { label: 'server CPU per joiner (ms)', value: (cpu / options.joiners) * 1_000, digits: 1 },
      { label: 'server RSS before the storm (MB)', value: before / 1024 },
      { label: 'server peak RSS during the storm (MB)', value: peak / 1024 },
      { label: 'storm wall time (s)', value: allSyncedSeconds, digits: 2 },
    ],
  };
}

/** Varied text, so nothing about the content is unusually compressible or uniform. */
function filler(length: number): string {
  const words = ['learning', 'city', 'strategy', 'community', 'lifelong', 'inclusive', 'partners', 'outcomes', 'schools', 'libraries'];
  let s = '';
  while (s.length < length) s += words[Math.floor(Math.random() * words.length)] + ' ';
  return s.slice(0, length);
}

/** Median of 5 full-state encodes of the writer's replica: the cost of "the merge", done once. */
function timeFullEncode(doc: Y.Doc): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    Y.encodeStateAsUpdate(doc);
    runs.push(performance.now() - t);
  }
  return percentile(runs, 50);
}

/** Joins with a probe until the server hands out the whole document (it may still be applying). */
async function waitForServerCopy(url: string, cookie: string | undefined, length: number): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const probe = joinDocument(url, cookie);
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await probe.done);
      const got = doc.getText('t').length;
      doc.destroy();
      if (got === length) return true;
    } finally {
      probe.close();
    }
    await sleep(500);
  }
  return false;
}
