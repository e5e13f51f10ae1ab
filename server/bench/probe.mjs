// Loaded (with --expose-gc) into every server the benchmark starts, ours and the reference alike,
// so both are measured the same way from inside. Plain JavaScript: the reference runs without tsx.
//
// Commands arrive on stdin, one per line; answers leave on stdout as one JSON line each,
// `{"benchProbe":<command>,"value":...}`.
// - `memory`: collect garbage, then answer with memory. RSS alone says little per connection: a
//   process with free heap pages absorbs new objects without growing it.
// - `gc-start` / `gc-stop`: meter garbage collection over a phase; `gc-stop` answers with it:
//   bytes allocated on the V8 heap (used size before each collection minus used size after the one
//   before, plus what was added since the last), and the number and pauses of collections by kind.
//   With BENCH_ALLOC_PROFILE_DIR set, the same phase is also recorded by V8's sampling heap profiler,
//   counting objects already collected too, into `<dir>/<pid>-<n>.heapprofile`: where the bytes
//   were allocated. (Sampling costs CPU: CPU figures of such a run are not comparable.)
//   With BENCH_LOOP_DELAY_MS set, the phase's event-loop delay is also recorded at that resolution
//   (`monitorEventLoopDelay`), to tell a server's own stalls from the machine's. Its timer wakes the
//   server every that many milliseconds, so it is off unless asked for.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import process from 'node:process';
import v8 from 'node:v8';
import { gcFigures } from './gcFigures.mjs';

const answer = (command, value) => process.stdout.write(`${JSON.stringify({ benchProbe: command, value })}\n`);

function memory() {
  globalThis.gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

let meter = null;
const loopResolutionMs = Number(process.env.BENCH_LOOP_DELAY_MS) || 0;

function stopMeter() {
  const figures = gcFigures(meter.profiler.stop().statistics, meter.usedAtStart);
  const { loop } = meter;
  meter = null;
  if (!loop) return figures;
  loop.disable();
  return { ...figures, loopDelayP99Ms: loop.percentile(99) / 1e6, loopDelayMaxMs: loop.max / 1e6 };
}

const allocDir = process.env.BENCH_ALLOC_PROFILE_DIR;
let allocSession = null;
let allocProfiles = 0;

function startAllocProfile() {
  allocSession = new inspector.Session();
  allocSession.connect();
  allocSession.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}

function stopAllocProfile(then) {
  const session = allocSession;
  allocSession = null;
  session.post('HeapProfiler.stopSampling', (err, result) => {
    if (!err) fs.writeFileSync(path.join(allocDir, `${process.pid}-${++allocProfiles}.heapprofile`), JSON.stringify(result.profile));
    session.disconnect();
    then();
  });
}

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop();
  for (const line of lines) {
    if (line === 'memory') {
      answer(line, memory());
    } else if (line === 'gc-start') {
      if (meter) meter.profiler.stop();
      meter?.loop?.disable();
      meter = {
        profiler: new v8.GCProfiler(),
        usedAtStart: v8.getHeapStatistics().used_heap_size,
        loop: loopResolutionMs ? monitorEventLoopDelay({ resolution: loopResolutionMs }) : null,
      };
      meter.profiler.start();
      meter.loop?.enable();
      if (allocDir && !allocSession) startAllocProfile();
    } else if (line === 'gc-stop') {
      const figures = meter ? stopMeter() : null;
      if (allocSession) stopAllocProfile(() => answer(line, figures));
      else answer(line, figures);
    }
  }
});
// The commands must not keep a server alive that would otherwise exit.
process.stdin.unref();
