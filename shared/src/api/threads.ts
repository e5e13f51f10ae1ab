import { z } from 'zod';

/** A Yjs relative position (Y.encodeRelativePosition) as base64: survives concurrent edits. */
const encodedPosition = z.string().min(1, 'required').max(2000).regex(/^[A-Za-z0-9+/=]+$/, 'must be base64');

const body = z.string().trim().min(1, 'required').max(10_000);
const mentions = z.array(z.string().min(1).max(64)).max(50).default([]);

/** `POST /api/strategies/:id/threads`: a comment thread, or a suggestion, on a range of the body. */
export const createThreadBodySchema = z
  .object({
    anchor: z.object({ start: encodedPosition, end: encodedPosition }).strict(),
    /** The text the thread is about, kept for when that text is deleted (a detached thread). */
    quote: z.string().max(5_000).default(''),
    body: z.string().trim().max(10_000).default(''),
    mentions,
    /** A proposed replacement of the quoted text ('' proposes deleting it). */
    suggestion: z.object({ replacement: z.string().max(10_000) }).strict().optional(),
  })
  .strict()
  .refine((t) => t.suggestion !== undefined || t.body.length > 0, { message: 'required', path: ['body'] });
export type CreateThreadBody = z.input<typeof createThreadBodySchema>;

export const addCommentBodySchema = z.object({ body, mentions }).strict();
export const editCommentBodySchema = z.object({ body, mentions }).strict();
export const resolveThreadBodySchema = z.object({ resolved: z.boolean() }).strict();
export const decideSuggestionBodySchema = z.object({ decision: z.enum(['accepted', 'rejected']) }).strict();
