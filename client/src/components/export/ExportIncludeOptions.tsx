import type { ExportOptions } from '../../lib/exportsApi.ts';

export interface ExportIncludeOptionsProps {
  options: ExportOptions;
  onChange: (options: ExportOptions) => void;
  /** Lays the two boxes out side by side (the workshop panel) rather than one under the other. */
  row?: boolean;
}

/** "Include guidance" and "Include open comments and suggestions", as every export offers them. */
export function ExportIncludeOptions({ options, onChange, row = false }: ExportIncludeOptionsProps) {
  return (
    <fieldset className={row ? 'export-options export-options--row' : 'export-options'}>
      <legend>Include</legend>
      <label className="export-options__choice">
        <input type="checkbox" checked={options.guidance} onChange={(event) => onChange({ ...options, guidance: event.target.checked })} />
        Include guidance
      </label>
      <label className="export-options__choice">
        <input type="checkbox" checked={options.comments} onChange={(event) => onChange({ ...options, comments: event.target.checked })} />
        Include open comments and suggestions
      </label>
    </fieldset>
  );
}
