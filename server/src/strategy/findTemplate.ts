import { builtinTemplate, parseTemplate } from '@lcs/shared';
import type { Template } from '@lcs/shared';
import type { Directory } from '../directory/directory.ts';

/** The template a new strategy starts from when its creator names none. */
export const DEFAULT_TEMPLATE_ID = builtinTemplate.id;

/**
 * A template by id (and version): an uploaded one, or the built-in one. A facilitator corrects or
 * completes a template (e.g. types in the Key Features' features) by uploading a higher version, so
 * the latest version wins while strategies keep reading the version they were made from.
 */
export async function findTemplate(directory: Directory, id: string, version?: number): Promise<Template | undefined> {
  const stored = await directory.getTemplate(id, version);
  if (stored) {
    const parsed = parseTemplate(JSON.parse(stored.body));
    if (parsed.ok) return parsed.template;
  }
  if (id === builtinTemplate.id && (version === undefined || version === builtinTemplate.version)) return builtinTemplate;
  return undefined;
}

/** Every template a strategy can start from: the latest version of each. */
export async function listTemplates(directory: Directory): Promise<Template[]> {
  const uploaded = (await directory.listTemplates()).flatMap((t) => {
    const parsed = parseTemplate(JSON.parse(t.body));
    return parsed.ok ? [parsed.template] : [];
  });
  return uploaded.some((t) => t.id === builtinTemplate.id) ? uploaded : [builtinTemplate, ...uploaded];
}
