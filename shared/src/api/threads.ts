import { z } from 'zod';

/** A Yjs relative position (Y.encodeRelativePosition) as base64: survives concurrent edits. */
const encodedPosition = z.string().min(1, 'required').max(2000).regex(/^[A-Za-z0-9+/=]+$/, 'must be base64');

const body = z.string().trim().min(1, 'required').max(10_000);
const mentions = z.array(z.string().min(1).max(64)).max(50).default([]);
/**
 * An id the client picks for what it creates, or a key for a decision: sending the same request
 * again (a retry after a lost answer, or a comment written offline sent on reconnect) then changes
 * nothing the second time. Random (the client uses a UUID), so it cannot collide by chance.
 */
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _');

/** `POST /api/strategies/:id/threads`: a comment thread, or a suggestion, on a range of the body. */
export const createThreadBodySchema = z
  .object({
    /** The thread's id (see clientId); the server picks one when it is missing. */
    id: clientId.optional(),
    anchor: z.object({ start: encodedPosition, end: encodedPosition }).strict(),
    /**
     * The text the thread is about, kept for when that text is deleted (a detached thread). Empty
     * only for a suggested insertion, whose anchor is a point (both ends at the same place).
     */
    quote: z.string().max(5_000).default(''),
    body: z.string().trim().max(10_000).default(''),
    mentions,
    /** A proposed replacement of the quoted text ('' proposes deleting it; with no quote, text to insert). */
    suggestion: z.object({ replacement: z.string().max(10_000) }).strict().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.suggestion === undefined) {
      if (t.body.length === 0) ctx.addIssue({ code: 'custom', message: 'required', path: ['body'] });
      if (t.quote === '') ctx.addIssue({ code: 'custom', message: 'required: a comment is about some text (only a suggested insertion has none)', path: ['quote'] });
    } else if (t.suggestion.replacement === t.quote) {
      const message = t.quote === '' ? 'required: a suggested insertion needs the text to insert' : 'must differ from the quoted text';
      ctx.addIssue({ code: 'custom', message, path: ['suggestion', 'replacement'] });
    }
  });
export type CreateThreadBody = z.input<typeof createThreadBodySchema>;

/** `id` as for a thread: a reply sent twice is added once. */
export const addCommentBodySchema = z.object({ id: clientId.optional(), body, mentions }).strict();
export const editCommentBodySchema = z.object({ body, mentions }).strict();
export const resolveThreadBodySchema = z.object({ resolved: z.boolean() }).strict();
/** `requestId` tells a retry of this very decision (answered again with success) from someone else's (409). */
export const decideSuggestionBodySchema = z.object({ decision: z.enum(['accepted', 'rejected']), requestId: clientId.optional() }).strict();
