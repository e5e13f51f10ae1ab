import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, errorMessage, requestJson } from './apiClient.ts';

function answer(status: number, body?: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('API client', () => {
  it('returns the parsed body of a successful answer and sends JSON', async () => {
    const fetchMock = answer(201, { document: { id: 'a' } });
    vi.stubGlobal('fetch', fetchMock);
    await expect(requestJson('/api/documents', { method: 'POST', json: { title: 'Plan' } })).resolves.toEqual({ document: { id: 'a' } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"title":"Plan"}');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
  });

  it('turns the server error shape into an ApiError with its code and message', async () => {
    vi.stubGlobal('fetch', answer(404, { error: { code: 'document_not_found', message: 'No document with id x' } }));
    const error = await requestJson('/api/documents/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'document_not_found', message: 'No document with id x' });
  });

  it('shows validation details next to the message', async () => {
    const body = { error: { code: 'invalid_body', message: 'The title is not valid', details: [{ path: 'title', message: 'required' }] } };
    vi.stubGlobal('fetch', answer(400, body));
    const error = await requestJson('/api/documents', { method: 'POST', json: {} }).catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('The title is not valid (title: required)');
  });

  it('explains an error answer that is not ours, such as a proxy failing', async () => {
    vi.stubGlobal('fetch', answer(502));
    const error = await requestJson('/api/documents').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
    expect(errorMessage(error)).toMatch(/could not answer \(HTTP 502\)/);
  });

  it('reports an unreachable server as a NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await requestJson('/api/documents').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(errorMessage(error)).toMatch(/Cannot reach the server/);
  });

  it('lets an aborted request stay an abort', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))));
    await expect(requestJson('/api/documents')).rejects.toMatchObject({ name: 'AbortError' });
  });
});
