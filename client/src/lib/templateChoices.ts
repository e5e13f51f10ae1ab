import { listTemplates } from './templatesApi.ts';
import type { TemplateSummary } from './templatesApi.ts';

/** How long one answer of `GET /api/templates` serves every "New strategy" form on screen (ms). */
const maxAgeMs = 60_000;

let shared: { at: number; list: Promise<TemplateSummary[]> } | null = null;

/**
 * The templates a new strategy can start from, asked once for all the forms of a page (a workshop
 * page has one per team) rather than once per form. A failed answer is not kept.
 */
export function templateChoices(): Promise<TemplateSummary[]> {
  if (shared && Date.now() - shared.at < maxAgeMs) return shared.list;
  const list = listTemplates();
  const entry = { at: Date.now(), list };
  shared = entry;
  list.catch(() => {
    if (shared === entry) shared = null;
  });
  return list;
}

/** Forgets the shared answer, e.g. after a template was uploaded. */
export function forgetTemplateChoices(): void {
  shared = null;
}
