import { builtinTemplate } from './builtinTemplate.ts';

/**
 * Test helper: the built-in template as a facilitator would upload it (plain JSON), with changes
 * applied at paths written like the errors report them: `{ 'sections[3].title': '' }`. A value of
 * `undefined` deletes the field, so "missing" and "empty" read the same way in a test table.
 */
export function buildTemplateUpload(changes: Record<string, unknown> = {}): unknown {
  const upload: unknown = JSON.parse(JSON.stringify(builtinTemplate));
  for (const [path, value] of Object.entries(changes)) setPath(upload, path, value);
  return upload;
}

function setPath(root: unknown, path: string, value: unknown): void {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let target = root;
  for (const part of parts.slice(0, -1)) target = (target as Record<string, unknown>)[part];
  const last = parts.at(-1);
  if (typeof target !== 'object' || target === null || last === undefined) throw new Error(`cannot set ${path}`);
  const record = target as Record<string, unknown>;
  if (value === undefined) delete record[last];
  else record[last] = value;
}
