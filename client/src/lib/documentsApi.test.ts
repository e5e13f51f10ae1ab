import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './apiClient.ts';
import { createDocument, listDocuments } from './documentsApi.ts';

const plan = { id: 'abc', title: 'Plan', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' };

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('documents API', () => {
  it('lists documents and ignores fields this client does not use', async () => {
    vi.stubGlobal('fetch', answer(200, { documents: [{ ...plan, teamId: null, access: 'edit' }] }));
    await expect(listDocuments()).resolves.toEqual([plan]);
  });

  it('creates a document by posting its title', async () => {
    const fetchMock = answer(201, { document: plan });
    vi.stubGlobal('fetch', fetchMock);
    await expect(createDocument('Plan')).resolves.toEqual(plan);
    expect(fetchMock).toHaveBeenCalledWith('/api/documents', expect.objectContaining({ method: 'POST', body: '{"title":"Plan"}' }));
  });

  it('rejects an answer without the fields it needs rather than showing broken data', async () => {
    vi.stubGlobal('fetch', answer(200, { documents: [{ id: 'abc' }] }));
    await expect(listDocuments()).rejects.toBeInstanceOf(ApiError);
  });
});
