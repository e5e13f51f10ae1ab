import type { ExportJobDto } from '@lcs/shared';

/** Longest description of the file just written before it is shortened with an ellipsis. */
const maxCurrentLength = 60;

/** `Kenya: A very long strategy title (pdf)` shortened in the title, keeping the format visible. */
function shorten(current: string): string {
  if (current.length <= maxCurrentLength) return current;
  const format = /\s\([^()]+\)$/.exec(current)?.[0] ?? '';
  const head = current.slice(0, maxCurrentLength - format.length - 1).trimEnd();
  return `${head}…${format}`;
}

/**
 * One line under a workshop export's progress bar: "12 of 18 files — Kenya: Nairobi… (pdf)" while it
 * runs, how many files the ZIP holds once done, the reason once failed.
 */
export function exportProgressText(job: Pick<ExportJobDto, 'status' | 'done' | 'total' | 'current' | 'error'>): string {
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  switch (job.status) {
    case 'failed':
      return job.error ?? 'The export failed.';
    case 'done':
      return job.total === 0 ? 'Ready: the workshop has no strategies yet, the ZIP holds only the team folders.' : `Ready: ${files(job.total)}.`;
    case 'running':
      if (job.total === 0) return 'Starting…';
      return job.done === 0 ? `0 of ${files(job.total)}` : `${job.done} of ${files(job.total)} — ${shorten(job.current)}`;
  }
}
