import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './apiClient.ts';
import { createDocument, getDocument, listDocuments } from './documentsApi.ts';

const plan = {
  id: 'abc',
  title: 'Plan',
  teamId: 'kenya',
  city: 'Nairobi',
  workshopId: 'w1',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
  access: 'edit' as const,
};

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('strategies API', () => {
  it('lists the strategies with their team, city and access, dropping fields this client does not know', async () => {
    vi.stubGlobal('fetch', answer(200, { documents: [{ ...plan, templateId: 'key-features' }] }));
    await expect(listDocuments()).resolves.toEqual([plan]);
  });

  it('creates a strategy for a team by posting its title, team and city', async () => {
    const fetchMock = answer(201, { document: plan });
    vi.stubGlobal('fetch', fetchMock);
    await expect(createDocument({ title: 'Plan', teamId: 'kenya', city: 'Nairobi' })).resolves.toEqual(plan);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/strategies',
      expect.objectContaining({ method: 'POST', body: '{"title":"Plan","teamId":"kenya","city":"Nairobi"}' }),
    );
  });

  it('reads one strategy, with the access the signed-in person has to it', async () => {
    const fetchMock = answer(200, { document: { ...plan, access: 'comment' } });
    vi.stubGlobal('fetch', fetchMock);
    await expect(getDocument('abc')).resolves.toMatchObject({ id: 'abc', workshopId: 'w1', access: 'comment' });
    expect(fetchMock).toHaveBeenCalledWith('/api/strategies/abc', expect.anything());
  });

  it('passes on a 403 for another team’s strategy', async () => {
    vi.stubGlobal('fetch', answer(403, { error: { code: 'forbidden', message: 'This strategy belongs to another team' } }));
    await expect(getDocument('abc')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('rejects an answer without the fields it needs rather than showing broken data', async () => {
    vi.stubGlobal('fetch', answer(200, { documents: [{ id: 'abc' }] }));
    await expect(listDocuments()).rejects.toBeInstanceOf(ApiError);
    vi.stubGlobal('fetch', answer(200, { document: { ...plan, access: 'none' } }));
    await expect(getDocument('abc')).rejects.toMatchObject({ code: 'invalid_response' });
  });
});
