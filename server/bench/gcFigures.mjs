// What a `v8.GCProfiler` recorded over a phase, summed up: used by the probe inside each server and
// by the load generator for itself. Plain JavaScript: the probe runs in the reference too, without tsx.
import v8 from 'node:v8';

/**
 * Bytes allocated on the V8 heap (used size before each collection minus used size after the one
 * before, plus what was added since the last), and the number and pauses of collections by kind.
 */
export function gcFigures(statistics, usedAtStart) {
  let allocated = 0;
  let previous = usedAtStart;
  const figures = { scavenges: 0, markCompacts: 0, pauseMs: 0, maxPauseMs: 0 };
  for (const { gcType, cost, beforeGC, afterGC } of statistics) {
    allocated += Math.max(0, beforeGC.heapStatistics.usedHeapSize - previous);
    previous = afterGC.heapStatistics.usedHeapSize;
    if (gcType === 'Scavenge' || gcType === 'MinorMarkSweep') figures.scavenges += 1;
    else if (gcType === 'MarkSweepCompact') figures.markCompacts += 1;
    // Incremental marking steps and weak callbacks run on the thread too: they count as pauses.
    const ms = cost / 1000;
    figures.pauseMs += ms;
    figures.maxPauseMs = Math.max(figures.maxPauseMs, ms);
  }
  allocated += Math.max(0, v8.getHeapStatistics().used_heap_size - previous);
  return { allocatedBytes: allocated, ...figures };
}
