import { useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Template } from '@lcs/shared';
import { isShippedTemplate, templateForMeta } from '../editor/sections/templateForMeta.ts';
import { requestTemplate, subscribeToTemplates, templateEntry } from '../lib/templateStore.ts';
import { useStrategyMeta } from './useStrategyMeta.ts';

export interface StrategyTemplateState {
  /** The template to use for guidance and coverage; null when there is none (yet). */
  template: Template | null;
  /**
   * `none`: the document has no template (or is not loaded yet); `loading`: an uploaded template is
   * being fetched; `unavailable`: it could not be; `ready`: `template` is set.
   */
  status: 'none' | 'loading' | 'unavailable' | 'ready';
}

/**
 * The template the strategy in `ydoc` was made from, for its guidance and coverage: the built-in one
 * at once, any other (an uploaded template, another edition) once fetched from the server (and
 * cached on this device). While another edition of the built-in template loads, or if it cannot,
 * the built-in one stands in: section keys do not change between editions.
 */
export function useStrategyTemplateState(ydoc: Y.Doc | null): StrategyTemplateState {
  const meta = useStrategyMeta(ydoc);
  const wanted = meta && !isShippedTemplate(meta) ? meta : null;
  const id = wanted?.templateId ?? null;
  const version = wanted?.templateVersion ?? null;

  const entry = useSyncExternalStore(subscribeToTemplates, () => (id !== null && version !== null ? templateEntry(id, version) : undefined));
  // Asks for it when it is not known, including after a failed attempt was forgotten.
  useEffect(() => {
    if (id !== null && version !== null && entry === undefined) requestTemplate(id, version);
  }, [id, version, entry]);
  const template = templateForMeta(meta, entry?.status === 'ready' ? entry.template : null);
  if (template) return { template, status: 'ready' };
  if (!meta) return { template, status: 'none' };
  return { template, status: entry?.status === 'unavailable' ? 'unavailable' : 'loading' };
}

/** Just the template of {@link useStrategyTemplateState}. */
export function useStrategyTemplate(ydoc: Y.Doc | null): Template | null {
  return useStrategyTemplateState(ydoc).template;
}
