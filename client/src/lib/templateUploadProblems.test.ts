import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './apiClient.ts';
import { formatTemplateProblem, templateUploadProblems } from './templateUploadProblems.ts';

describe('templateUploadProblems', () => {
  it('lists every problem the server found, each with its path', () => {
    const error = new ApiError(400, 'invalid_template', 'The template has 2 problem(s)', [
      { path: 'sections[3].title', message: 'required' },
      { path: 'keyFeatures.areas[0].areasOfFocus[2].key', message: 'must be a slug' },
    ]);
    const failure = templateUploadProblems(error);
    expect(failure.headline).toBe('The template has 2 problems, so nothing was uploaded. Fix them and upload it again.');
    expect(failure.problems.map(formatTemplateProblem)).toEqual(['sections[3].title: required', 'keyFeatures.areas[0].areasOfFocus[2].key: must be a slug']);
  });

  it('shows a problem with the whole file without a path', () => {
    const failure = templateUploadProblems(new ApiError(400, 'invalid_template', 'x', [{ path: '(root)', message: 'expected object, got a list' }]));
    expect(failure.headline).toMatch(/^The template has 1 problem, .* Fix it/);
    expect(failure.problems.map(formatTemplateProblem)).toEqual(['expected object, got a list']);
  });

  it('says when the file is not JSON at all', () => {
    let parseError: unknown;
    try {
      JSON.parse('{ "id": ');
    } catch (error) {
      parseError = error;
    }
    const failure = templateUploadProblems(parseError);
    expect(failure.headline).toBe('The file is not valid JSON, so nothing was uploaded.');
    expect(failure.problems).toHaveLength(1);
  });

  it('gives any other refusal as one line', () => {
    const conflict = new ApiError(409, 'template_version_exists', 'Template city is at version 2; upload version 3 or higher');
    expect(templateUploadProblems(conflict).problems.map(formatTemplateProblem)).toEqual(['Template city is at version 2; upload version 3 or higher']);
    expect(templateUploadProblems(new NetworkError('Cannot reach the server.')).problems[0]?.message).toBe('Cannot reach the server.');
  });
});
