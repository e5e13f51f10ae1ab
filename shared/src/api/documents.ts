import { z } from 'zod';
import { limits } from '../limits.ts';
import type { Access } from './access.ts';

/** A strategy (one co-edited document) as the API returns it. */
export const documentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  teamId: z.string().nullable(),
  /** The workshop of the strategy's team (null for a facilitator's team-less document). */
  workshopId: z.string().nullable(),
  city: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the signed-in person may do with it. */
  access: z.enum(['edit', 'comment', 'read', 'none']),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema> & { access: Access };

/** Body of `POST /api/strategies`. Without a team only facilitators may create one. */
export const createDocumentBodySchema = z
  .object({
    title: z.string().trim().min(1, 'required').max(limits.maxTitleLength),
    teamId: z.string().min(1).nullable().default(null),
    city: z.string().trim().min(1).max(100).nullable().default(null),
    /**
     * The template whose sections the strategy starts with. Default: the built-in template when a
     * team is given; a document with neither a team nor a template starts blank.
     */
    templateId: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type CreateDocumentBody = z.input<typeof createDocumentBodySchema>;

/** Every error the API returns has this shape, with a stable snake_case `code`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
