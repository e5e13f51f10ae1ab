import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { builtinTemplate, DOCUMENT_FIELD, flattenSections, readSections, readStrategyMeta } from '@lcs/shared';
import { editorSchema, findSection, sectionGuardPlugin, sectionOutline } from '@lcs/shared/editor';
import type { JSONNode } from '@lcs/shared';
import { connectClient, eventually, startServer, waitForSync } from './harness.ts';
import type { Client, RunningServer } from './harness.ts';

const schema = editorSchema();
const templateKeys = flattenSections(builtinTemplate).map(({ section }) => section.key);
/** Sections whose content starts with a paragraph to type in. */
const proseKeys = flattenSections(builtinTemplate)
  .filter(({ section }) => section.blocks[0]?.kind === 'prose')
  .map(({ section }) => section.key);

const bodyOf = (client: Client) => yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment(DOCUMENT_FIELD)) as JSONNode;

/**
 * Edits a client's document the way its editor would: ProseMirror state built from the Y fragment,
 * a local transaction through the section guard, the result written back by y-tiptap's own diff.
 */
function edit(client: Client, change: (state: EditorState) => Transaction): void {
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  const { doc, meta } = initProseMirrorDoc(fragment, schema);
  const state = EditorState.create({ schema, doc, plugins: [sectionGuardPlugin()] });
  const next = state.apply(change(state));
  client.doc.transact(() => updateYFragment(client.doc, fragment, next.doc, meta), ySyncPluginKey);
}

/** Types `text` at the start of the section's first paragraph. */
const typeInto = (key: string, text: string) => (state: EditorState) => {
  const { pos, node } = findSection(state.doc, key)!;
  const start = pos + 1 + node.firstChild!.nodeSize + 1;
  return state.tr.setSelection(TextSelection.create(state.doc, start)).insertText(text);
};

describe('strategies created from a template', () => {
  let server: RunningServer;
  let teamId: string;
  const clients: Client[] = [];
  const connect = async (id: string) => {
    const client = connectClient(server.wsUrl, id);
    clients.push(client);
    await waitForSync(client);
    return client;
  };
  const create = async (body: Record<string, unknown>) => {
    const res = await server.api('POST', '/api/strategies', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.document.id as string;
  };

  beforeAll(async () => {
    server = await startServer();
    const workshop = await server.api('POST', '/api/workshops', { name: 'Shanghai 2024', place: 'Shanghai Open University', startsOn: '2024-10-21', endsOn: '2024-10-25' });
    const team = await server.api('POST', `/api/workshops/${workshop.body.workshop.id}/teams`, { country: 'Kenya', cities: ['Nairobi', 'Mombasa'] });
    teamId = team.body.team.id;
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
  });
  afterAll(() => server.stop());

  it('holds every template section in template order, in the editor schema, and records the template it came from', async () => {
    const id = await create({ title: 'Mombasa learning city strategy', teamId, city: 'Mombasa' });
    const [a, b] = [await connect(id), await connect(id)];
    for (const client of [a, b]) {
      const body = bodyOf(client);
      expect(readSections(body).map((section) => section.key)).toEqual(templateKeys);
      expect(() => schema.nodeFromJSON(body).check()).not.toThrow();
      expect(readStrategyMeta(client.doc)).toEqual({ templateId: builtinTemplate.id, templateVersion: builtinTemplate.version, city: 'Mombasa' });
    }
  });

  it('converges when two clients edit different sections at the same time, keeping every section', async () => {
    const id = await create({ title: 'Nairobi learning city strategy', teamId, city: 'Nairobi' });
    const [a, b] = [await connect(id), await connect(id)];
    const first = proseKeys[0]!;
    const last = proseKeys.at(-1)!;
    // Both edits are made before either client can hear of the other's.
    edit(a, typeInto(first, 'Nairobi learns together. '));
    edit(b, (state) => typeInto(last, 'Quarterly reports. ')(state).setNodeAttribute(findSection(state.doc, last)!.pos, 'status', 'drafting'));
    await eventually(() => expect(bodyOf(a)).toEqual(bodyOf(b)));

    const sections = readSections(bodyOf(a));
    expect(sections.map((section) => section.key)).toEqual(templateKeys);
    expect(sections.find((section) => section.key === first)!.wordCount).toBe(3);
    expect(sections.find((section) => section.key === last)).toMatchObject({ status: 'drafting', wordCount: 2 });
    expect(sectionOutline(schema.nodeFromJSON(bodyOf(b)))).toHaveLength(templateKeys.length);
  });

  it('keeps a facilitator’s document without a team or template blank, and lets them name a template', async () => {
    const blank = await connect(await create({ title: 'Workshop notes' }));
    expect(blank.doc.getXmlFragment(DOCUMENT_FIELD).length).toBe(0);
    expect(readStrategyMeta(blank.doc)).toBeNull();

    const templated = await connect(await create({ title: 'Model strategy', templateId: builtinTemplate.id }));
    expect(readSections(bodyOf(templated)).map((section) => section.key)).toEqual(templateKeys);
    expect(readStrategyMeta(templated.doc)).toMatchObject({ templateId: builtinTemplate.id, city: null });
  });

  it('refuses an unknown template with 400 and creates nothing', async () => {
    const before = (await server.api('GET', '/api/strategies')).body.documents.length;
    const res = await server.api('POST', '/api/strategies', { title: 'X', teamId, templateId: 'no-such-template' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'template_not_found', message: 'No template with id no-such-template' });
    expect((await server.api('GET', '/api/strategies')).body.documents).toHaveLength(before);
  });
});
