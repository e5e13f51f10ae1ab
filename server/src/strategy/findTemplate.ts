import { builtinTemplate } from '@lcs/shared';
import type { Template } from '@lcs/shared';

/** The template a new strategy starts from when its creator names none. */
export const DEFAULT_TEMPLATE_ID = builtinTemplate.id;

// Uploaded templates (issue 3) will be looked up here too, once they are stored.
const templates: readonly Template[] = [builtinTemplate];

/** The template with this id, or undefined. */
export function findTemplate(id: string): Template | undefined {
  return templates.find((template) => template.id === id);
}
