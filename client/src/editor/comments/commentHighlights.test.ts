import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState, Plugin } from '@tiptap/pm/state';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
import { buildParagraph, DOCUMENT_FIELD, THREADS_ROOT } from '@lcs/shared';
import { editorSchema } from '@lcs/shared/editor';
import type { OutboxEntry } from '../../comments/commentOutbox.ts';
import { withPendingChanges } from '../../comments/pendingChanges.ts';
import { commentHighlightsKey, commentHighlightsPlugin } from './commentHighlights.ts';
import type { CommentHighlightsState, ThreadsOverlay } from './commentHighlights.ts';
import { encodeAnchor } from './threadAnchors.ts';
import type { AnchorBinding } from './threadAnchors.ts';
import type { ThreadDecorationSpec } from './threadDecorations.ts';

const schema = editorSchema();

/**
 * An editor state over a Y.Doc whose body is "Hello brave world" and whose one thread is on "brave",
 * as the server would have written it. The collaboration plugin is stood in for by its state alone
 * (the binding), which is all the highlights read of it.
 */
function setUp() {
  const ydoc = new Y.Doc();
  const type = ydoc.getXmlFragment(DOCUMENT_FIELD);
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [buildParagraph('Hello brave world')] }, type);
  const { doc, mapping } = initProseMirrorDoc(type, schema);
  const binding: AnchorBinding = { doc: ydoc, type, mapping };
  const anchor = encodeAnchor(binding, 7, 12);
  const thread = new Y.Map<unknown>();
  ydoc.getMap(THREADS_ROOT).set('t1', thread);
  const fields = { id: 't1', anchorStart: anchor.start, anchorEnd: anchor.end, quote: 'brave', authorId: 'eddie', authorName: 'Eddie', authorColor: '#336699', createdAt: '2026-02-01T10:00:00.000Z', resolved: false };
  for (const [key, value] of Object.entries(fields)) thread.set(key, value);
  thread.set('comments', new Y.Array());
  const sync = new Plugin({ key: ySyncPluginKey, state: { init: () => ({ binding }), apply: (_tr, value) => value } });
  const state = EditorState.create({ doc, plugins: [sync, commentHighlightsPlugin()] });
  // What the plugin's view does once the threads map changes.
  const refresh = (s: EditorState) => s.apply(s.tr.setMeta(commentHighlightsKey, { refresh: true }));
  return { ydoc, thread, state: refresh(state), refresh };
}

const highlightsOf = (state: EditorState) => commentHighlightsKey.getState(state)!;
const highlighted = (state: EditorState) =>
  highlightsOf(state)
    .decorations.find()
    .map((d) => ({ text: state.doc.textBetween(d.from, d.to), threadId: (d.spec as ThreadDecorationSpec).threadId }));
const withOverlay = (state: EditorState, overlay: ThreadsOverlay) => state.apply(state.tr.setMeta(commentHighlightsKey, { overlay }));

const me = { id: 'alice' };
const resolveOffline: OutboxEntry = { kind: 'resolve', threadId: 't1', resolved: true, id: 'e1', createdAt: '2026-02-01T11:00:00.000Z', error: null };
const waiting = (entries: readonly OutboxEntry[]): ThreadsOverlay => (stored) => withPendingChanges(stored, entries, me);

describe('comment highlights seen through the waiting actions', () => {
  it('highlight the threads as the Y.Doc has them when nothing waits', () => {
    const { state } = setUp();
    expect(highlighted(state)).toEqual([{ text: 'brave', threadId: 't1' }]);
    expect(highlightsOf(state).threads).toBe(highlightsOf(state).stored);
  });

  it('drop the highlight of a thread resolved offline at once, as its card shows, while the Y.Doc still has it open', () => {
    const { state: online } = setUp();
    const offline = withOverlay(online, waiting([resolveOffline]));
    const shown: CommentHighlightsState = highlightsOf(offline);
    expect(highlighted(offline)).toEqual([]);
    expect(shown.threads[0]).toMatchObject({ id: 't1', resolved: true, resolvedBy: 'alice' });
    expect(shown.stored[0]).toMatchObject({ id: 't1', resolved: false });
    // Still placed: the resolved card knows where its text is.
    expect(shown.ranges.get('t1')).toEqual({ from: 7, to: 12 });
  });

  it('keep the overlay when the threads are read from the Y.Doc again, and show the threads as stored once it is lifted', () => {
    const { state: online, thread, refresh } = setUp();
    const offline = withOverlay(online, waiting([resolveOffline]));
    // Someone else changes the thread meanwhile (synced before the server went away).
    thread.set('authorColor', '#993366');
    const reread = refresh(offline);
    expect(highlightsOf(reread).stored[0]).toMatchObject({ authorColor: '#993366', resolved: false });
    expect(highlighted(reread)).toEqual([]);
    // Sent (or discarded): nothing waits any more, and the server's copy shows again.
    expect(highlighted(withOverlay(reread, waiting([])))).toEqual([{ text: 'brave', threadId: 't1' }]);
  });

  it('redraw nothing for a new overlay that changes no thread', () => {
    const { state } = setUp();
    const refused = { ...resolveOffline, error: 'You may not resolve this thread' };
    const next = withOverlay(state, waiting([refused]));
    expect(highlightsOf(next).threads).toBe(highlightsOf(state).threads);
    expect(highlightsOf(next).decorations).toBe(highlightsOf(state).decorations);
  });
});
