import * as Y from 'yjs';
import { analyzeSections, builtinTemplate, DOCUMENT_FIELD, readStrategyMeta, readThreads } from '@lcs/shared';
import type { JSONNode, Template, Thread } from '@lcs/shared';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { DocumentRecord, Storage } from '../storage/storage.ts';
import { DEFAULT_TEMPLATE_ID, findTemplate } from './findTemplate.ts';

/** A strategy as it stands now: its content, threads and everything printed on an export's cover. */
export interface StrategySnapshot {
  record: DocumentRecord;
  content: JSONNode;
  threads: Thread[];
  template: Template;
  city: string | null;
  country: string | null;
  workshopName: string | null;
  /** "Final draft" when every section is final, else "Draft". */
  status: string;
}

/**
 * Reads a strategy's current state: from the live document when it is open (so an export includes
 * the last keystrokes), else from storage, without keeping it loaded.
 */
export async function readStrategy(storage: Storage, registry: DocumentRegistry | undefined, record: DocumentRecord): Promise<StrategySnapshot> {
  const live = registry?.loaded.get(record.id);
  const ydoc = new Y.Doc();
  try {
    if (live && live.state === 'ready') {
      Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(live.ydoc));
    } else {
      const { snapshot, updates } = await storage.loadState(record.id);
      for (const part of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(ydoc, part);
    }
    // The Yjs → ProseMirror binding comes with the first export or snapshot, not at boot.
    const { yXmlFragmentToProsemirrorJSON } = await import('@tiptap/y-tiptap');
    const content = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DOCUMENT_FIELD)) as JSONNode;
    const meta = readStrategyMeta(ydoc);
    const template = (await findTemplate(storage.directory, meta?.templateId ?? DEFAULT_TEMPLATE_ID, meta?.templateVersion ?? undefined)) ?? builtinTemplate;
    const team = record.teamId ? await storage.directory.getTeam(record.teamId) : undefined;
    const workshop = team ? await storage.directory.getWorkshop(team.workshopId) : undefined;
    const sections = analyzeSections(content, template);
    const final = sections.length > 0 && sections.every((s) => s.status === 'final');
    return {
      record,
      content,
      threads: readThreads(ydoc),
      template,
      city: record.city ?? meta?.city ?? team?.cities[0] ?? null,
      country: team?.country ?? null,
      workshopName: workshop?.name ?? null,
      status: final ? 'Final draft' : 'Draft',
    };
  } finally {
    ydoc.destroy();
  }
}
