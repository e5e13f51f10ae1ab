import { describe, expect, it } from 'vitest';
import { ApiError } from './apiClient.ts';
import { fieldErrors, serverFieldErrors } from './fieldErrors.ts';

describe('fieldErrors', () => {
  it('groups zod issues by their first path segment, keeping the first message per field', () => {
    const issues = [
      { path: ['name'], message: 'required' },
      { path: ['cities', 1], message: 'required' },
      { path: ['cities'], message: 'at least one city' },
    ];
    expect(fieldErrors(issues)).toEqual({ name: 'required', cities: 'required' });
  });

  it('reads the dotted paths the server sends, and files whole-body problems under the empty name', () => {
    expect(fieldErrors([{ path: 'endsOn', message: 'must not be before startsOn' }, { path: '(body)', message: 'invalid' }])).toEqual({
      endsOn: 'must not be before startsOn',
      '': 'invalid',
    });
  });

  it('finds field problems only in a validation answer', () => {
    const invalid = new ApiError(400, 'invalid_request', 'x', [{ path: 'teamId', message: 'not a team of this workshop' }]);
    expect(serverFieldErrors(invalid)).toEqual({ teamId: 'not a team of this workshop' });
    expect(serverFieldErrors(new ApiError(403, 'forbidden', 'x'))).toEqual({});
    expect(serverFieldErrors(new Error('x'))).toEqual({});
  });
});
