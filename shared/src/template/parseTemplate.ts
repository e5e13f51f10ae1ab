import type { z } from 'zod';
import { formatIssuePath } from './formatIssuePath.ts';
import { templateSchema } from './templateSchema.ts';
import type { Template } from './templateSchema.ts';

/** One problem in an uploaded template, e.g. `{ path: 'sections[3].title', message: 'required' }`. */
export interface TemplateError {
  path: string;
  message: string;
}

/** A template is either wholly valid or rejected with every problem: nothing is half-imported. */
export type TemplateParseResult = { ok: true; template: Template } | { ok: false; errors: TemplateError[] };

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input;
}

/** Short messages a facilitator can act on; anything not listed keeps zod's (or the schema's) wording. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined) return 'required';
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describeInput(issue.input)}`;
  return undefined;
};

function toErrors(issue: z.core.$ZodIssue): TemplateError[] {
  // One line per unknown field, at the field itself, so a typo like `titel` is easy to find.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: 'unknown field' }));
  }
  return [{ path: formatIssuePath(issue.path), message: issue.message }];
}

/**
 * Validates a template (e.g. a facilitator's uploaded JSON, already parsed) and lists every problem
 * with its path: `sections[3].title: required`. A path of `(root)` means the input as a whole.
 */
export function parseTemplate(input: unknown): TemplateParseResult {
  const result = templateSchema.safeParse(input, { error: errorMap });
  if (result.success) return { ok: true, template: result.data };
  return { ok: false, errors: result.error.issues.flatMap(toErrors) };
}
