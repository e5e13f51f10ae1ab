import { requestJson } from './apiClient.ts';
import { isListOf, readField } from './readField.ts';

/** A template as `GET /api/templates` lists it: the latest version of each. */
export interface TemplateSummary {
  id: string;
  version: number;
  language: string;
  title: string;
}

function isTemplateSummary(value: unknown): value is TemplateSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { id, version, language, title } = value as Partial<Record<keyof TemplateSummary, unknown>>;
  return typeof id === 'string' && typeof version === 'number' && typeof language === 'string' && typeof title === 'string';
}

/** Base path of the templates API; `GET /:id?version=n` (a whole template) is read by templateStore. */
export const templatesPath = '/api/templates';

/** `GET /api/templates`: every template a strategy can start from (the built-in one included). */
export async function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  return readField(await requestJson(templatesPath, { signal }), 'templates', isListOf(isTemplateSummary));
}

/**
 * `POST /api/templates` (facilitators): stores a new template or a new version of one. Rejects with
 * ApiError 400 `invalid_template` whose details list every problem with its path, or 409 when that
 * version exists.
 */
export async function uploadTemplate(template: unknown): Promise<TemplateSummary> {
  return readField(await requestJson(templatesPath, { method: 'POST', json: template }), 'template', isTemplateSummary);
}
