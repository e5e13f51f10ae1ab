import { documentSummarySchema } from '@lcs/shared';
import type { DocumentSummary } from '@lcs/shared';
import { ApiError, requestJson } from './apiClient.ts';

/** The part of a document summary this client shows; other fields the server adds are ignored. */
export type DocumentListing = Pick<DocumentSummary, 'id' | 'title' | 'createdAt' | 'updatedAt'>;

const listingSchema = documentSummarySchema.pick({ id: true, title: true, createdAt: true, updatedAt: true });
const listingsSchema = listingSchema.array();

/** Reads `body[name]` with a schema; a mismatch means client and server disagree on the contract. */
function field<T>(body: unknown, name: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(0, 'invalid_response', 'The server sent an answer this page does not understand. Reload the page.');
  return parsed.data;
}

/** Base path of the documents API. */
const documentsPath = '/api/documents';

/** `GET /api/documents`: every document, most recently updated first. */
export async function listDocuments(signal?: AbortSignal): Promise<DocumentListing[]> {
  return field(await requestJson(documentsPath, { signal }), 'documents', listingsSchema);
}

/** `POST /api/documents`: creates an empty document. */
export async function createDocument(title: string, signal?: AbortSignal): Promise<DocumentListing> {
  const body = await requestJson(documentsPath, { method: 'POST', json: { title }, signal });
  return field(body, 'document', listingSchema);
}

/** `GET /api/documents/:id`; a missing document throws ApiError with status 404. */
export async function getDocument(id: string, signal?: AbortSignal): Promise<DocumentListing> {
  return field(await requestJson(`${documentsPath}/${encodeURIComponent(id)}`, { signal }), 'document', listingSchema);
}
