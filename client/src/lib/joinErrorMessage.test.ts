import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './apiClient.ts';
import { joinErrorMessage } from './joinErrorMessage.ts';

describe('joinErrorMessage', () => {
  it.each([
    [404, 'invitation_not_found', /not valid/],
    [410, 'invitation_expired', /expired/],
    [410, 'invitation_revoked', /withdrawn/],
    [410, 'invitation_used_up', /used as many times/],
  ])('explains an unusable link (%i %s) and does not offer to retry', (status, code, message) => {
    const problem = joinErrorMessage(new ApiError(status, code, 'server text'));
    expect(problem.message).toMatch(message);
    expect(problem.message).toMatch(/facilitator for a new one/);
    expect(problem.canRetry).toBe(false);
  });

  it('asks to wait after too many attempts, and lets the person retry', () => {
    expect(joinErrorMessage(new ApiError(429, 'too_many_attempts', 'x'))).toEqual({ message: expect.stringMatching(/Wait a few minutes/), canRetry: true });
  });

  it('treats a token the server rejects as malformed as an invalid link', () => {
    const error = new ApiError(400, 'invalid_request', 'token: invalid', [{ path: 'token', message: 'invalid' }]);
    expect(joinErrorMessage(error)).toMatchObject({ message: expect.stringMatching(/not valid/), canRetry: false });
  });

  it('lets the person retry when the server cannot be reached', () => {
    expect(joinErrorMessage(new NetworkError('Cannot reach the server.'))).toEqual({ message: 'Cannot reach the server.', canRetry: true });
  });
});
