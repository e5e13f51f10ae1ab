import { parseTemplate } from '@lcs/shared';
import type { Template } from '@lcs/shared';
import { browserStore, readJson, writeJson } from './keyValueStore.ts';
import { requestJson } from './apiClient.ts';
import { isServerUnreachable } from './isServerUnreachable.ts';
import { invalidResponse } from './readField.ts';
import { templatesPath } from './templatesApi.ts';

/**
 * The templates strategies were made from, fetched once per id and version and kept: in memory for
 * this page, and on this device so the guidance and coverage still show offline. A template version
 * never changes once uploaded, so nothing here ever needs refreshing.
 */

/** What is known of one template version. */
export type TemplateEntry = { status: 'loading' } | { status: 'ready'; template: Template } | { status: 'unavailable' };

/** Before asking again for a template the server could not be reached for (ms). */
const retryAfterMs = 15_000;

const entries = new Map<string, TemplateEntry>();
const listeners = new Set<() => void>();

const entryKey = (id: string, version: number) => `${id}@${version}`;
/** Where a template is kept on this device. */
export const cachedTemplateKey = (id: string, version: number) => `lcs-template:${entryKey(id, version)}`;

function set(key: string, entry: TemplateEntry | undefined): void {
  if (entry) entries.set(key, entry);
  else entries.delete(key);
  for (const listener of listeners) listener();
}

/** Subscribes to every change of any entry (for useSyncExternalStore). */
export function subscribeToTemplates(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The entry of one template version; undefined until {@link requestTemplate} was called for it. */
export function templateEntry(id: string, version: number): TemplateEntry | undefined {
  return entries.get(entryKey(id, version));
}

function readCached(id: string, version: number): Template | null {
  const parsed = parseTemplate(readJson(browserStore(), cachedTemplateKey(id, version), null));
  return parsed.ok && parsed.template.id === id && parsed.template.version === version ? parsed.template : null;
}

/**
 * `GET /api/templates/:id?version=n`: a whole template, checked against the shared schema; 404 when
 * unknown. (Here rather than in templatesApi.ts: the schema check belongs to the editor's bundle.)
 */
async function fetchTemplate(id: string, version: number): Promise<Template> {
  const query = new URLSearchParams({ version: String(version) });
  const body = await requestJson(`${templatesPath}/${encodeURIComponent(id)}?${query.toString()}`);
  const parsed = parseTemplate(typeof body === 'object' && body !== null ? (body as { template?: unknown }).template : undefined);
  if (!parsed.ok) throw invalidResponse();
  return parsed.template;
}

/** Makes sure a template version is loaded or loading: from memory, this device, or the server. */
export function requestTemplate(id: string, version: number): void {
  const key = entryKey(id, version);
  if (entries.has(key)) return;
  const cached = readCached(id, version);
  if (cached) return set(key, { status: 'ready', template: cached });
  set(key, { status: 'loading' });
  fetchTemplate(id, version).then(
    (template) => {
      writeJson(browserStore(), cachedTemplateKey(id, version), template);
      set(key, { status: 'ready', template });
    },
    (error: unknown) => {
      set(key, { status: 'unavailable' });
      // Not reachable now: forgotten after a while, so the pages showing it ask again. Any other
      // answer (404) is final for this page.
      if (isServerUnreachable(error)) setTimeout(() => set(key, undefined), retryAfterMs);
    },
  );
}
