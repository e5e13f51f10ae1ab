import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinTemplate } from '@lcs/shared';
import { connectClient, startServer, waitForSync } from './harness.ts';
import type { RunningServer } from './harness.ts';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';

/** Facilitators upload their own templates; every problem is reported with its path; all or nothing. */
let server: RunningServer;
let member: { cookie: string };
let teamId: string;

beforeAll(async () => {
  server = await startServer();
  const w = await server.api('POST', '/api/workshops', { name: 'W', place: 'P', startsOn: '2024-10-21', endsOn: '2024-10-25' });
  teamId = (await server.api('POST', `/api/workshops/${w.body.workshop.id}/teams`, { country: 'Mongolia', cities: ['Ulaanbaatar'] })).body.team.id;
  member = await server.join('member', { workshopId: w.body.workshop.id, teamId });
});
afterAll(() => server.stop());

/** A valid upload: the built-in template under another id, with a first feature typed in. */
function buildUpload(overrides: Record<string, unknown> = {}) {
  const copy = structuredClone(builtinTemplate) as unknown as Record<string, unknown> & typeof builtinTemplate;
  copy.keyFeatures.areas[0]!.areasOfFocus[0]!.features = [
    { key: 'f-1-1-1', number: '1.1.1', text: 'Feature typed in by the facilitator', measurements: [{ key: 'm-1', text: 'A measurement' }] },
  ];
  return { ...copy, id: 'ulaanbaatar-template', version: 1, title: 'Ulaanbaatar strategy template', ...overrides };
}

describe('template uploads', () => {
  it('lists the built-in template to everyone signed in', async () => {
    const res = await server.api('GET', '/api/templates', undefined, member.cookie);
    expect(res.status).toBe(200);
    expect(res.body.templates).toContainEqual({ id: builtinTemplate.id, version: builtinTemplate.version, language: builtinTemplate.language, title: builtinTemplate.title });
  });

  it('reports every problem of a broken upload with its path, and stores nothing', async () => {
    const broken = buildUpload() as Record<string, unknown> & { sections: { title?: string }[] };
    delete broken.sections[3]!.title;
    (broken as Record<string, unknown>).language = 42;
    const res = await server.api('POST', '/api/templates', broken);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_template');
    const problems = res.body.error.details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`);
    expect(problems).toEqual(expect.arrayContaining(['sections[3].title: required', expect.stringMatching(/^language: /)]));
    expect((await server.api('GET', '/api/templates')).body.templates.map((t: { id: string }) => t.id)).not.toContain('ulaanbaatar-template');
  });

  it('stores a valid upload, refuses the same version twice, and a team strategy can start from it', async () => {
    expect((await server.api('POST', '/api/templates', buildUpload(), member.cookie)).status).toBe(403);
    expect((await server.api('POST', '/api/templates', buildUpload())).status).toBe(201);
    expect((await server.api('POST', '/api/templates', buildUpload())).status).toBe(409);
    const full = await server.api('GET', '/api/templates/ulaanbaatar-template', undefined, member.cookie);
    expect(full.body.template.keyFeatures.areas[0].areasOfFocus[0].features[0].text).toBe('Feature typed in by the facilitator');
    const created = await server.api('POST', '/api/strategies', { title: 'UB strategy', teamId, templateId: 'ulaanbaatar-template' }, member.cookie);
    expect(created.status).toBe(201);
    const client = connectClient(server.wsUrl, created.body.document.id, { cookie: member.cookie });
    await waitForSync(client);
    expect(client.doc.getMap('meta').get('templateId')).toBe('ulaanbaatar-template');
    const json = yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment('default')) as { content: { attrs: { key: string } }[] };
    expect(json.content.map((n) => n.attrs.key)).toEqual(builtinTemplate.sections.map((s) => s.key));
    client.destroy();
  });

  it('takes a corrected built-in template as a new version', async () => {
    const v2 = { ...structuredClone(builtinTemplate), version: builtinTemplate.version + 1 };
    expect((await server.api('POST', '/api/templates', { ...structuredClone(builtinTemplate) })).status).toBe(409);
    expect((await server.api('POST', '/api/templates', v2)).status).toBe(201);
    expect((await server.api('GET', `/api/templates/${builtinTemplate.id}`)).body.template.version).toBe(builtinTemplate.version + 1);
    expect((await server.api('GET', `/api/templates/${builtinTemplate.id}?version=${builtinTemplate.version}`)).body.template.version).toBe(builtinTemplate.version);
  });
});
