import type { BulkExportBody, ExportFormatName, ExportJobDto } from '@lcs/shared';
import { requestJson } from './apiClient.ts';
import { isRecordWithId, readField } from './readField.ts';

/** What a strategy export includes besides the text. */
export interface ExportOptions {
  /** The authors' guidance questions under each section heading. */
  guidance: boolean;
  /** Open comment threads and suggestions, as an annex. */
  comments: boolean;
}

/** `GET /api/strategies/:id/export`: one strategy as one file, for anyone who may open it. */
export function strategyExportUrl(documentId: string, format: ExportFormatName, options: ExportOptions): string {
  const query = new URLSearchParams({ format, guidance: String(options.guidance), comments: String(options.comments) });
  return `/api/strategies/${encodeURIComponent(documentId)}/export?${query.toString()}`;
}

function isExportJob(value: unknown): value is ExportJobDto {
  if (!isRecordWithId<ExportJobDto>(value)) return false;
  return ['running', 'done', 'failed'].includes(value.status) && typeof value.done === 'number' && typeof value.total === 'number';
}

/** `POST /api/workshops/:id/exports` (facilitators): starts building every team's strategies as one ZIP. */
export async function startWorkshopExport(workshopId: string, body: BulkExportBody): Promise<ExportJobDto> {
  return readField(await requestJson(`/api/workshops/${encodeURIComponent(workshopId)}/exports`, { method: 'POST', json: body }), 'job', isExportJob);
}

/** `GET /api/exports/:jobId`: how far a workshop export got. 404 once it is forgotten (30 minutes). */
export async function getExportJob(jobId: string, signal?: AbortSignal): Promise<ExportJobDto> {
  return readField(await requestJson(`/api/exports/${encodeURIComponent(jobId)}`, { signal }), 'job', isExportJob);
}

/** `GET /api/exports/:jobId/download`: the finished ZIP. */
export function exportDownloadUrl(jobId: string): string {
  return `/api/exports/${encodeURIComponent(jobId)}/download`;
}
