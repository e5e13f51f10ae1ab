import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { exportFormats } from '@lcs/shared';
import type { ExportFormatName } from '@lcs/shared';
import { useFormSubmit } from '../../hooks/useFormSubmit.ts';
import { errorMessage } from '../../lib/apiClient.ts';
import { downloadFile } from '../../lib/downloadFile.ts';
import { exportFormatLabels } from '../../lib/exportFormatLabels.ts';
import { strategyExportUrl } from '../../lib/exportsApi.ts';
import type { ExportOptions } from '../../lib/exportsApi.ts';
import { ExportIncludeOptions } from './ExportIncludeOptions.tsx';
import './export.css';

export interface ExportMenuProps {
  documentId: string;
  /** The strategy's title: the file's name if the server gives none. */
  title: string;
}

/**
 * "Export" in a strategy's header: a small panel to pick a format and what to include, then the
 * file downloads. Open to anyone who can open the strategy (the server checks it again).
 */
export function ExportMenu({ documentId, title }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormatName>('docx');
  const [options, setOptions] = useState<ExportOptions>({ guidance: false, comments: false });
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const { pending, error, run } = useFormSubmit();
  const container = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Closes on a click elsewhere or Escape, as menus do; the download carries on if one is running.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDownloaded(null);
    await run(async () => {
      const fileName = await downloadFile(strategyExportUrl(documentId, format, options), `${title || 'strategy'}.${format}`);
      setDownloaded(fileName);
    });
  }

  return (
    <div className="export-menu" ref={container}>
      <button
        ref={trigger}
        type="button"
        className="button button--small"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        Export
      </button>
      {open && (
        <form id={panelId} role="dialog" aria-label="Export this strategy" className="export-menu__panel" onSubmit={submit} aria-busy={pending}>
          <fieldset className="export-options">
            <legend>Format</legend>
            {exportFormats.map((name) => (
              <label key={name} className="export-options__choice">
                <input type="radio" name="export-format" value={name} checked={format === name} autoFocus={format === name} onChange={() => setFormat(name)} />
                {exportFormatLabels[name]}
              </label>
            ))}
          </fieldset>
          <ExportIncludeOptions options={options} onChange={setOptions} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={pending}>
              {pending ? 'Preparing the file…' : 'Download'}
            </button>
          </div>
          {error !== null && (
            <p className="form-error" role="alert">
              The export failed. {errorMessage(error)}
            </p>
          )}
          {downloaded && (
            <p className="export-menu__done" role="status">
              Downloaded {downloaded}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
