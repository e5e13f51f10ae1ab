import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnNode } from './serverProcess.ts';
import type { Child } from './serverProcess.ts';

/** A stand-in server: allocates `kb` KB of short-lived garbage every 10 ms, and says when it is up. */
const allocating = (kb: number) =>
  `let kept = 0; setInterval(() => { const a = []; for (let i = 0; i < ${kb}; i++) a.push(new Array(128).fill(i)); kept = a.length; }, 10); console.log('up');`;

/** Starts the stand-in, meters GC over `ms` of it, and returns what the probe reported. */
async function meterFor(child: Child, ms: number) {
  await child.waitFor(/up/, 10_000);
  child.startGc();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return child.stopGc();
}

describe('the probe loaded into every server under test', () => {
  let child: Child | undefined;
  afterEach(async () => {
    await child?.stop();
    child = undefined;
  });

  it('meters what a process allocates and collects over a phase', async () => {
    child = spawnNode(['-e', allocating(1024)], {});
    const busy = await meterFor(child, 500);
    // ~1 MB per 10 ms for ~0.5 s: tens of MB, collected by many scavenges.
    expect(busy.allocatedBytes).toBeGreaterThan(10 * 1024 ** 2);
    expect(busy.scavenges).toBeGreaterThan(2);
    expect(busy.pauseMs).toBeGreaterThan(0);
    expect(busy.maxPauseMs).toBeLessThanOrEqual(busy.pauseMs);

    await expect(child.stopGc()).rejects.toThrow(/not started/);
  });

  it('tells a quiet process from a busy one', async () => {
    child = spawnNode(['-e', allocating(1)], {});
    const quiet = await meterFor(child, 500);
    expect(quiet.allocatedBytes).toBeLessThan(5 * 1024 ** 2);
  });

  it('writes a heap allocation profile of the phase when asked to', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-alloc-'));
    try {
      child = spawnNode(['-e', allocating(256)], { BENCH_ALLOC_PROFILE_DIR: dir });
      await meterFor(child, 300);
      const [file] = fs.readdirSync(dir);
      expect(file).toMatch(/^\d+-1\.heapprofile$/);
      const profile = JSON.parse(fs.readFileSync(path.join(dir, file!), 'utf8')) as { head: { children: unknown[] } };
      expect(profile.head.children.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts the compactions our server logs, as lines arrive, whatever chunks they come in", async () => {
    // Pino's JSON lines, one of them written in two pieces, among lines that are not compactions.
    const script = `
      const line = (msg) => JSON.stringify({ level: 30, documentId: 'd1', msg }) + '\\n';
      process.stdout.write(line('document compacted') + line('document loaded'));
      const split = line('document compacted');
      process.stdout.write(split.slice(0, 20));
      setTimeout(() => { process.stdout.write(split.slice(20) + line('document compacted') + 'done\\n'); }, 50);
      setInterval(() => {}, 1000);`;
    child = spawnNode(['-e', script], {});
    await child.waitFor(/done/, 10_000);
    expect(child.compactions()).toBe(3);
  });

  it('records the event loop delay of the phase only when asked to', async () => {
    // Blocks its event loop for 60 ms once, 100 ms after it is up.
    const blocking = `console.log('up'); setTimeout(() => { const end = Date.now() + 60; while (Date.now() < end); }, 100); setInterval(() => {}, 1000);`;
    child = spawnNode(['-e', blocking], { BENCH_LOOP_DELAY_MS: '1' });
    const figures = await meterFor(child, 400);
    expect(figures.loopDelayMaxMs).toBeGreaterThanOrEqual(50);
    expect(figures.loopDelayP99Ms).toBeLessThanOrEqual(figures.loopDelayMaxMs!);
    await child.stop();

    child = spawnNode(['-e', blocking], {});
    expect((await meterFor(child, 200)).loopDelayMaxMs).toBeUndefined();
  });

  it('reads memory after a forced collection', async () => {
    child = spawnNode(['-e', allocating(1)], {});
    await child.waitFor(/up/, 10_000);
    const memory = await child.probeMemory();
    expect(memory.heapUsed).toBeGreaterThan(0);
    expect(memory.rss).toBeGreaterThan(memory.heapUsed);
  });
});
