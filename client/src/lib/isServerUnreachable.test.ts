import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './apiClient.ts';
import { isServerUnreachable } from './isServerUnreachable.ts';

describe('isServerUnreachable', () => {
  it.each([
    ['no answer at all', new NetworkError('down'), true],
    ['a gateway with the server down', new ApiError(502, 'http_502', 'bad gateway'), true],
    ['a gateway timing out', new ApiError(504, 'http_504', 'timeout'), true],
    ['a server unavailable', new ApiError(503, 'http_503', 'unavailable'), true],
    ['a session that ended', new ApiError(401, 'unauthenticated', 'signed out'), false],
    ['a refusal', new ApiError(403, 'forbidden', 'no'), false],
    ['a server error', new ApiError(500, 'internal_error', 'bug'), false],
    ['anything else', new Error('boom'), false],
  ])('%s → %s', (_title, error, expected) => {
    expect(isServerUnreachable(error)).toBe(expected);
  });
});
