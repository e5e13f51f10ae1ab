import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { exportFormats } from '@lcs/shared';
import type { ExportFormatName } from '@lcs/shared';
import { useExportJob } from '../../hooks/useExportJob.ts';
import { useFormSubmit } from '../../hooks/useFormSubmit.ts';
import { errorMessage } from '../../lib/apiClient.ts';
import { downloadFile } from '../../lib/downloadFile.ts';
import { exportFormatLabels } from '../../lib/exportFormatLabels.ts';
import { exportDownloadUrl } from '../../lib/exportsApi.ts';
import type { ExportOptions } from '../../lib/exportsApi.ts';
import { ExportIncludeOptions } from './ExportIncludeOptions.tsx';
import { ExportProgress } from './ExportProgress.tsx';
import './export.css';

/** Formats ticked when the panel opens: what ministries circulate. */
const preselected: readonly ExportFormatName[] = ['docx', 'pdf'];

/**
 * A facilitator's "Export all": every team's strategies in the chosen formats as one ZIP with a
 * folder per country team, built on the server with its progress shown here, then downloaded.
 */
export function WorkshopExportPanel({ workshopId }: { workshopId: string }) {
  const headingId = useId();
  const [formats, setFormats] = useState<ReadonlySet<ExportFormatName>>(new Set(preselected));
  const [options, setOptions] = useState<ExportOptions>({ guidance: false, comments: false });
  const [formatsError, setFormatsError] = useState<string | null>(null);
  const { job, problem, start } = useExportJob();
  const starting = useFormSubmit();
  const downloading = useFormSubmit();
  const running = job?.status === 'running';

  const toggleFormat = (format: ExportFormatName, on: boolean) => {
    setFormats((current) => {
      const next = new Set(current);
      if (on) next.add(format);
      else next.delete(format);
      return next;
    });
    if (on) setFormatsError(null);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (formats.size === 0) {
      setFormatsError('Choose at least one format.');
      return;
    }
    // In the order the menu lists them, whatever order they were ticked in.
    const chosen = exportFormats.filter((format) => formats.has(format));
    await starting.run(() => start(workshopId, { formats: chosen, includeGuidance: options.guidance, includeComments: options.comments }));
  }

  const download = () => {
    if (!job) return;
    void downloading.run(async () => {
      await downloadFile(exportDownloadUrl(job.id), job.fileName || 'strategies.zip');
    });
  };

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="export-all">
      <h2 id={headingId}>Export all strategies</h2>
      <p className="muted">Every country team’s strategies in one ZIP file, with a folder per team.</p>
      <form className="form" aria-label="Export all strategies" onSubmit={submit} noValidate aria-busy={starting.pending || running}>
        <fieldset className="export-options export-options--row" aria-describedby={formatsError ? `${headingId}-formats-error` : undefined}>
          <legend>Formats</legend>
          {exportFormats.map((format) => (
            <label key={format} className="export-options__choice">
              <input type="checkbox" checked={formats.has(format)} onChange={(event) => toggleFormat(format, event.target.checked)} />
              {exportFormatLabels[format]}
            </label>
          ))}
        </fieldset>
        {formatsError && (
          <p id={`${headingId}-formats-error`} className="field__error" role="alert">
            {formatsError}
          </p>
        )}
        <ExportIncludeOptions options={options} onChange={setOptions} row />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={starting.pending || running}>
            {running ? 'Exporting…' : 'Export all'}
          </button>
        </div>
        {starting.error !== null && (
          <p className="form-error" role="alert">
            The export could not start. {errorMessage(starting.error)}
          </p>
        )}
      </form>
      {job && <ExportProgress job={job} />}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {job?.status === 'done' && (
        <div className="form__actions export-progress__actions">
          <button type="button" className="button button--primary" onClick={download} disabled={downloading.pending}>
            {downloading.pending ? 'Downloading…' : 'Download ZIP'}
          </button>
        </div>
      )}
      {downloading.error !== null && (
        <p className="form-error" role="alert">
          The download failed. {errorMessage(downloading.error)}
        </p>
      )}
    </section>
  );
}
