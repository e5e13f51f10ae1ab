/** Where the problem is when it is the whole input rather than one of its fields. */
export const ROOT_PATH = '(root)';

/**
 * Formats a zod issue path the way a facilitator reads it: `sections[3].title`,
 * `keyFeatures.areas[0].areasOfFocus[2].title`.
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? ROOT_PATH : out;
}
