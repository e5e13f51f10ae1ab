import { useCallback, useEffect, useState } from 'react';
import type { BulkExportBody, ExportJobDto } from '@lcs/shared';
import { ApiError, errorMessage, isUnauthenticated } from '../lib/apiClient.ts';
import { getExportJob, startWorkshopExport } from '../lib/exportsApi.ts';
import { useSession } from './useSession.ts';

/** How often a running export is asked for its progress (ms). */
const pollMs = 700;

export interface ExportJobState {
  /** The export started here, as last reported; null before one is started. */
  job: ExportJobDto | null;
  /** Why progress cannot be followed (the job was forgotten, the server cannot be reached), else null. */
  problem: string | null;
  /** Starts a workshop export and follows it; rejects with the API error when it cannot start. */
  start(workshopId: string, body: BulkExportBody): Promise<void>;
}

/**
 * A workshop export built on the server: started once, then polled every ~700 ms until it is done or
 * failed. A poll that cannot reach the server is retried (the job keeps running there); an answer
 * that the job is gone stops the polling with a problem to show.
 */
export function useExportJob(): ExportJobState {
  const { lost } = useSession();
  const [job, setJob] = useState<ExportJobDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const jobId = job?.id ?? null;
  const running = job?.status === 'running';

  useEffect(() => {
    if (jobId === null || !running) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await getExportJob(jobId, controller.signal);
        setProblem(null);
        setJob(next);
        if (next.status !== 'running') return;
      } catch (error) {
        if (controller.signal.aborted) return;
        if (isUnauthenticated(error)) return lost();
        // 4xx: the job is gone (finished exports are forgotten after 30 minutes, or the server restarted).
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          setProblem(`${errorMessage(error)}. Start the export again.`);
          return;
        }
        setProblem(`${errorMessage(error)} Still trying…`);
      }
      timer = setTimeout(() => void poll(), pollMs);
    };
    timer = setTimeout(() => void poll(), pollMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, running, lost]);

  const start = useCallback(async (workshopId: string, body: BulkExportBody) => {
    setProblem(null);
    setJob(await startWorkshopExport(workshopId, body));
  }, []);

  return { job, problem, start };
}
