import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorkshop } from '../src/demo.ts';
import { eventually, startServer } from './harness.ts';
import type { RunningServer } from './harness.ts';

/** Export over HTTP: one strategy per format, and the facilitator's nine-team ZIP with progress. */
let server: RunningServer;
let workshopId: string;
let teams: { id: string; country: string }[];
let member: { cookie: string };
let strategyOf: (teamId: string) => Promise<string>;

beforeAll(async () => {
  server = await startServer();
  const seeded = await seedDemoWorkshop(server.app.storage);
  workshopId = seeded.workshop.id;
  teams = seeded.teams;
  member = await server.join('member', { workshopId, teamId: teams[0]!.id, name: 'Wanjiru' });
  strategyOf = async (teamId) => (await server.app.storage.listDocuments()).find((d) => d.teamId === teamId)!.id;
}, 60_000);
afterAll(() => server.stop());

const download = (path: string, cookie = server.cookie) => fetch(`${server.httpUrl}${path}`, { headers: { cookie } });

describe('exporting one strategy', () => {
  it('gives a member their team\'s strategy in every format, with a safe file name', async () => {
    const id = await strategyOf(teams[0]!.id);
    for (const [format, type] of [['docx', 'wordprocessingml'], ['pdf', 'application/pdf'], ['md', 'text/markdown'], ['html', 'text/html']] as const) {
      const res = await download(`/api/strategies/${id}/export?format=${format}`, member.cookie);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="nairobi-learning-city-strategy\\.${format}"`));
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(200);
    }
    const md = await (await download(`/api/strategies/${id}/export?format=md`, member.cookie)).text();
    expect(md).toContain('Vision and motivation');
  });

  it('refuses another team\'s strategy (403), an unknown format (400) and anonymous users (401)', async () => {
    const other = await strategyOf(teams[1]!.id);
    expect((await download(`/api/strategies/${other}/export?format=md`, member.cookie)).status).toBe(403);
    expect((await download(`/api/strategies/${other}/export?format=odt`)).status).toBe(400);
    expect((await download(`/api/strategies/${other}/export?format=md`, '')).status).toBe(401);
  });
});

describe('exporting a whole workshop', () => {
  it('builds one ZIP with a folder per country team and every chosen format, reporting progress', async () => {
    const start = await server.api('POST', `/api/workshops/${workshopId}/exports`, { formats: ['docx', 'md'] });
    expect(start.status).toBe(202);
    const jobId = start.body.job.id as string;
    let job: { status: string; done: number; total: number } = start.body.job;
    await eventually(async () => {
      job = (await server.api('GET', `/api/exports/${jobId}`)).body.job;
      expect(job.status).toBe('done');
    }, 60_000, 200);
    expect(job.done).toBe(job.total);
    expect(job.total).toBe(teams.length * 2);
    const res = await download(`/api/exports/${jobId}/download`);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const files = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
    expect(files).toHaveLength(teams.length * 2);
    for (const team of teams) {
      const folder = team.country.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
      expect(files.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.split('.').pop()).sort(), team.country).toEqual(['docx', 'md']);
    }
  }, 90_000);

  it('is for facilitators only and validates the chosen formats', async () => {
    expect((await server.api('POST', `/api/workshops/${workshopId}/exports`, { formats: ['docx'] }, member.cookie)).status).toBe(403);
    const bad = await server.api('POST', `/api/workshops/${workshopId}/exports`, { formats: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('formats');
  });
});
