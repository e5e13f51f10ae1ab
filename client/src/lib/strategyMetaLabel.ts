import type { StrategyMeta, Template } from '@lcs/shared';

/**
 * The line under a strategy's title saying where it came from: "Learning city strategy template,
 * edition 1 · Cork". Null for a document made without a template.
 */
export function strategyMetaLabel(meta: StrategyMeta | null, template: Template | null): string | null {
  if (!meta) return null;
  const name = template?.id === meta.templateId ? template.title : meta.templateId;
  const origin = `${name} template, edition ${meta.templateVersion}`;
  return meta.city ? `${origin} · ${meta.city}` : origin;
}
