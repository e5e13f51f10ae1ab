import type { ExportJobDto } from '@lcs/shared';
import { newId } from '../auth/tokens.ts';
import type { Logger } from '../logger.ts';
import type { BulkProgress } from './strategyExport.ts';

interface Job extends ExportJobDto {
  createdBy: string;
  zip: Buffer | null;
  finishedAt: number | null;
}

/** Finished jobs (and their ZIPs) are kept this long for download. */
const KEEP_MS = 30 * 60_000;

/**
 * Bulk exports run in the background of this process while the page polls their progress. Jobs
 * live in memory: a restart forgets them, and the facilitator simply starts the export again.
 */
export class ExportJobs {
  readonly #jobs = new Map<string, Job>();

  constructor(private readonly logger: Logger) {}

  start(workshopId: string, createdBy: string, fileName: string, run: (progress: (p: BulkProgress) => void) => Promise<Buffer>): ExportJobDto {
    this.#sweep();
    const job: Job = { id: newId(), workshopId, createdBy, status: 'running', done: 0, total: 0, current: 'Starting…', fileName, error: null, zip: null, finishedAt: null };
    this.#jobs.set(job.id, job);
    run((p) => Object.assign(job, p)).then(
      (zip) => Object.assign(job, { status: 'done', zip, current: 'Ready', finishedAt: Date.now() }),
      (err: unknown) => {
        this.logger.error({ err, workshopId }, 'bulk export failed');
        Object.assign(job, { status: 'failed', error: 'The export failed; try again or export teams one by one', finishedAt: Date.now() });
      },
    );
    return toDto(job);
  }

  get(id: string): (ExportJobDto & { createdBy: string; zip: Buffer | null }) | undefined {
    const job = this.#jobs.get(id);
    return job ? { ...toDto(job), createdBy: job.createdBy, zip: job.zip } : undefined;
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.#jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) this.#jobs.delete(id);
  }
}

function toDto({ id, workshopId, status, done, total, current, fileName, error }: Job): ExportJobDto {
  return { id, workshopId, status, done, total, current, fileName, error };
}
