import { ApiError, errorMessage } from './apiClient.ts';

/** One problem of a template upload; `path` is empty when it is about the file as a whole. */
export interface TemplateProblem {
  path: string;
  message: string;
}

/** Why a template upload failed: a headline and every problem the server (or the JSON parser) found. */
export interface TemplateUploadFailure {
  headline: string;
  problems: TemplateProblem[];
}

/** Where the server puts problems about the whole body; shown without a path. */
const wholeFilePaths: ReadonlySet<string> = new Set(['', '(root)', '(body)']);

function countProblems(n: number): string {
  return n === 1 ? '1 problem' : `${n} problems`;
}

/**
 * Turns what a template upload threw into what the upload form lists: a file that is not JSON, an
 * `invalid_template` answer with every problem and its path (`sections[3].title: required`), or any
 * other error as one line.
 */
export function templateUploadProblems(error: unknown): TemplateUploadFailure {
  if (error instanceof SyntaxError) {
    return { headline: 'The file is not valid JSON, so nothing was uploaded.', problems: [{ path: '', message: error.message }] };
  }
  if (error instanceof ApiError && error.details.length > 0) {
    const problems = error.details.map(({ path, message }) => ({ path: wholeFilePaths.has(path) ? '' : path, message }));
    return { headline: `The template has ${countProblems(problems.length)}, so nothing was uploaded. Fix ${problems.length === 1 ? 'it' : 'them'} and upload it again.`, problems };
  }
  return { headline: 'The template was not uploaded.', problems: [{ path: '', message: errorMessage(error) }] };
}

/** One problem as a line of text: `sections[3].title: required`. */
export function formatTemplateProblem({ path, message }: TemplateProblem): string {
  return path ? `${path}: ${message}` : message;
}
