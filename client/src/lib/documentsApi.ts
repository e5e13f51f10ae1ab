import { documentSummarySchema } from '@lcs/shared';
import type { Access, CreateDocumentBody, DocumentSummary } from '@lcs/shared';
import { requestJson } from './apiClient.ts';
import { isListOf, readField } from './readField.ts';

/** A strategy the signed-in person may open; the server answers 403 rather than sending `none`. */
export type StrategySummary = DocumentSummary & { access: Exclude<Access, 'none'> };

const accessLevels: ReadonlySet<unknown> = new Set(['edit', 'comment', 'read']);

/** Checks a summary from the server; fields this client does not know are dropped. */
export function isStrategySummary(value: unknown): value is StrategySummary {
  if (!documentSummarySchema.safeParse(value).success) return false;
  return accessLevels.has((value as { access?: unknown }).access);
}

/** Keeps only the fields of the contract (the schema drops anything else the server adds). */
function toSummary(value: StrategySummary): StrategySummary {
  return { ...documentSummarySchema.parse(value), access: value.access };
}

/** Base path of the strategies API (each strategy is one co-edited document). */
const documentsPath = '/api/strategies';

/** `GET /api/strategies`: the strategies the signed-in person may see, most recently updated first. */
export async function listDocuments(signal?: AbortSignal): Promise<StrategySummary[]> {
  return readField(await requestJson(documentsPath, { signal }), 'documents', isListOf(isStrategySummary)).map(toSummary);
}

/** `POST /api/strategies`: creates a strategy for a team (`teamId: null` only for facilitators). */
export async function createDocument(body: CreateDocumentBody, signal?: AbortSignal): Promise<StrategySummary> {
  return toSummary(readField(await requestJson(documentsPath, { method: 'POST', json: body, signal }), 'document', isStrategySummary));
}

/** `GET /api/strategies/:id`: 404 when unknown, 403 when it belongs to another team, 401 when signed out. */
export async function getDocument(id: string, signal?: AbortSignal): Promise<StrategySummary> {
  return toSummary(readField(await requestJson(`${documentsPath}/${encodeURIComponent(id)}`, { signal }), 'document', isStrategySummary));
}
