import type { ExportJobDto } from '@lcs/shared';
import { exportProgressText } from '../../lib/exportProgressText.ts';

/**
 * A workshop export's progress bar and the line under it ("12 of 18 files — Kenya: … (pdf)"). The
 * line is not a live region: read out every 700 ms it would drown everything else; the bar carries
 * the same words as its value text.
 */
export function ExportProgress({ job }: { job: ExportJobDto }) {
  const text = exportProgressText(job);
  const max = Math.max(job.total, 1);
  const now = job.status === 'done' ? max : Math.min(job.done, max);
  return (
    <div className="export-progress" data-status={job.status}>
      <div
        className="export-progress__bar"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={now}
        aria-valuetext={text}
        data-testid="export-progress"
      >
        <div className="export-progress__fill" style={{ width: `${(now / max) * 100}%` }} />
      </div>
      <p className={job.status === 'failed' ? 'form-error' : 'export-progress__text'} role={job.status === 'failed' ? 'alert' : undefined} data-testid="export-progress-text">
        {text}
      </p>
    </div>
  );
}
