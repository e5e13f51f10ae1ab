import { builtinTemplate } from '@lcs/shared';
import type { StrategyMeta, Template } from '@lcs/shared';

/** Whether a strategy was made from exactly the built-in template this app ships (nothing to fetch). */
export function isShippedTemplate(meta: StrategyMeta): boolean {
  return meta.templateId === builtinTemplate.id && meta.templateVersion === builtinTemplate.version;
}

/**
 * The template a strategy was made from, as far as this app has it: `fetched` (the exact version,
 * from the server; see useStrategyTemplate) when given, else the built-in one for any edition of it
 * (keys do not change between editions, so its guidance and coverage rules still fit), else null.
 */
export function templateForMeta(meta: StrategyMeta | null, fetched: Template | null = null): Template | null {
  if (!meta) return null;
  if (fetched && fetched.id === meta.templateId) return fetched;
  return meta.templateId === builtinTemplate.id ? builtinTemplate : null;
}
