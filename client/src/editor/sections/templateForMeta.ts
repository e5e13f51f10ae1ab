import { builtinTemplate } from '@lcs/shared';
import type { StrategyMeta, Template } from '@lcs/shared';

/**
 * The template a strategy was made from, when this app has it: for now only the built-in one.
 * (Uploaded templates live on the server, and there is no API to fetch one yet.) A strategy made
 * from an older edition of the built-in template gets the current one: keys do not change between
 * editions, so its guidance and coverage rules still fit.
 */
export function templateForMeta(meta: StrategyMeta | null): Template | null {
  return meta?.templateId === builtinTemplate.id ? builtinTemplate : null;
}
