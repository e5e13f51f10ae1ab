import type { Metric, ScenarioResult } from './metrics.ts';

function format(value: number | string | undefined, digits = 1): string {
  if (value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(ours: Metric | undefined, reference: Metric | undefined): string {
  if (typeof ours?.value !== 'number' || typeof reference?.value !== 'number') return '';
  if (!Number.isFinite(ours.value) || !Number.isFinite(reference.value)) return '';
  // A reference figure that prints as zero (lost deliveries, drain time) makes no useful ratio.
  if (format(reference.value, reference.digits) === format(0, reference.digits)) return format(ours.value, ours.digits) === format(0, ours.digits) ? '1.00x' : 'n/a';
  return `${(ours.value / reference.value).toFixed(2)}x`;
}

/**
 * Our runs beside the reference's, one row per figure, with ours/reference for every number
 * (a plain-text table that also reads as Markdown).
 */
export function sideBySide(title: string, ours: readonly ScenarioResult[], reference: ScenarioResult | undefined): string {
  const columns = reference ? [...ours, reference] : [...ours];
  const labels: string[] = [];
  for (const run of columns) for (const m of run.metrics) if (!labels.includes(m.label)) labels.push(m.label);
  const header = ['figure', ...columns.map((c) => c.server), ...(reference ? ours.map((o) => `${o.server} / ref`) : [])];
  const rows = labels.map((label) => {
    const find = (run: ScenarioResult) => run.metrics.find((m) => m.label === label);
    const refMetric = reference ? find(reference) : undefined;
    return [
      label,
      ...columns.map((run) => {
        const m = find(run);
        return format(m?.value, m?.digits);
      }),
      ...(reference ? ours.map((o) => ratio(find(o), refMetric)) : []),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const out = [`\n### ${title}\n`, line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)];
  for (const run of columns) for (const note of run.notes) out.push(`- ${run.server}: ${note}`);
  return out.join('\n');
}
