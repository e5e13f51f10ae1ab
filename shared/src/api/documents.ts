import { z } from 'zod';
import { limits } from '../limits.ts';

/** A document as listed by `GET /api/documents`. */
export const documentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** Body of `POST /api/documents`. */
export const createDocumentBodySchema = z
  .object({
    title: z.string().trim().min(1, 'required').max(limits.maxTitleLength),
  })
  .strict();
export type CreateDocumentBody = z.infer<typeof createDocumentBodySchema>;

/** Every error the API returns has this shape, with a stable snake_case `code`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
