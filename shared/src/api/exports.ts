import { z } from 'zod';

/** Formats a strategy exports to. */
export const exportFormats = ['docx', 'pdf', 'md', 'html'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormatName = z.infer<typeof exportFormatSchema>;

const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .default(false)
  .transform((v) => v === true || v === 'true' || v === '1');

/** Query of `GET /api/strategies/:id/export`. */
export const exportQuerySchema = z.object({
  format: exportFormatSchema,
  guidance: flag,
  comments: flag,
});

/** Body of `POST /api/workshops/:id/exports` (facilitators): every team's strategies in one ZIP. */
export const bulkExportBodySchema = z
  .object({
    formats: z.array(exportFormatSchema).min(1, 'choose at least one format').max(4),
    includeGuidance: z.boolean().default(false),
    includeComments: z.boolean().default(false),
  })
  .strict();
export type BulkExportBody = z.input<typeof bulkExportBodySchema>;

/** A bulk export job, polled by the page that started it. */
export interface ExportJobDto {
  id: string;
  workshopId: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  current: string;
  fileName: string;
  error: string | null;
}
