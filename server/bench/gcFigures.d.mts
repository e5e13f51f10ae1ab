import type { GCProfilerResult } from 'node:v8';

export interface GcSummary {
  allocatedBytes: number;
  scavenges: number;
  markCompacts: number;
  pauseMs: number;
  maxPauseMs: number;
}

export function gcFigures(statistics: GCProfilerResult['statistics'], usedAtStart: number): GcSummary;
