import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { readThreads, THREADS_ROOT } from '@lcs/shared';
import type { Thread } from '@lcs/shared';
import { bindingOf, resolveThreadAnchor } from './threadAnchors.ts';
import type { AnchorBinding, AnchorRange } from './threadAnchors.ts';
import { threadDecorations } from './threadDecorations.ts';

/**
 * Turns the threads read from the Y.Doc (the server's copy) into the threads shown: the comments
 * panel lays this person's actions still waiting to be sent over them (see pendingChanges.ts).
 */
export type ThreadsOverlay = (stored: readonly Thread[]) => readonly Thread[];

/** The threads as the editor sees them; the comments panel reads the same state. */
export interface CommentHighlightsState {
  /** Every thread of the document, oldest first, as shown: `overlay` applied to `stored`. */
  threads: readonly Thread[];
  /** Every thread of the document, oldest first, as last read from the Y.Doc. */
  stored: readonly Thread[];
  /** Set by the comments panel (`setThreadsOverlay`); shows the stored threads as they are until then. */
  overlay: ThreadsOverlay;
  /** Where each thread's anchor lies now (null: an end is gone; a suggested insertion: an empty range). */
  ranges: ReadonlyMap<string, AnchorRange | null>;
  /** The thread whose text and card are emphasised. */
  selectedId: string | null;
  decorations: DecorationSet;
}

type Meta = { refresh: true } | { select: string | null } | { overlay: ThreadsOverlay };

/** No overlay: the threads are shown as the Y.Doc has them. */
const asStored: ThreadsOverlay = (stored) => stored;

export const commentHighlightsKey = new PluginKey<CommentHighlightsState>('commentHighlights');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentHighlights: {
      /** Emphasises a thread's text and card; null emphasises none. */
      selectThread: (threadId: string | null) => ReturnType;
      /**
       * Shows the threads through `overlay` (null: as stored), in the text and in the panel alike,
       * so a thread resolved offline loses its highlight as its card moves to the resolved ones.
       */
      setThreadsOverlay: (overlay: ThreadsOverlay | null) => ReturnType;
    };
  }
}

/** Local edits are mapped at once; this long after the last one, anchors are read from Yjs again (ms). */
const settleMs = 400;

function resolveAll(binding: AnchorBinding | null, threads: readonly Thread[], doc: ProseMirrorNode): Map<string, AnchorRange | null> {
  const ranges = new Map<string, AnchorRange | null>();
  for (const thread of threads) ranges.set(thread.id, binding ? resolveThreadAnchor(binding, thread, doc.content.size) : null);
  return ranges;
}

const sameRange = (a: AnchorRange | null | undefined, b: AnchorRange | null | undefined) => a === b || (!!a && !!b && a.from === b.from && a.to === b.to);

function sameRanges(a: ReadonlyMap<string, AnchorRange | null>, b: ReadonlyMap<string, AnchorRange | null>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, range] of a) if (!b.has(id) || !sameRange(range, b.get(id))) return false;
  return true;
}

/**
 * Between reads from Yjs, ranges follow local edits through the transaction's mapping with the
 * anchors' own rule (both ends stick to the character on their left, see threadAnchors.ts).
 */
function mapRanges(ranges: ReadonlyMap<string, AnchorRange | null>, tr: Transaction): ReadonlyMap<string, AnchorRange | null> {
  const mapped = new Map<string, AnchorRange | null>();
  for (const [id, range] of ranges) mapped.set(id, range && { from: tr.mapping.map(range.from, -1), to: tr.mapping.map(range.to, -1) });
  return sameRanges(mapped, ranges) ? ranges : mapped;
}

function nextState(tr: Transaction, value: CommentHighlightsState, oldState: EditorState): CommentHighlightsState {
  const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
  const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
  let { threads, stored, overlay, ranges, selectedId } = value;
  if (meta && 'select' in meta) selectedId = meta.select;
  if (meta && 'overlay' in meta) overlay = meta.overlay;
  const binding = bindingOf(oldState);
  const refresh = meta !== undefined && 'refresh' in meta;
  if (refresh && binding) stored = readThreads(binding.doc);
  // A new overlay that changes nothing returns the same list (see withPendingChanges): nothing is redrawn.
  if (stored !== value.stored || overlay !== value.overlay) threads = overlay(stored);
  if (refresh || remote || threads !== value.threads) {
    // Remote changes (and undo, which goes through Yjs) arrive with the binding's mapping already
    // rebuilt for the new document, so anchors can be read from Yjs right away.
    const resolved = resolveAll(binding, threads, tr.doc);
    if (!sameRanges(resolved, ranges)) ranges = resolved;
  } else if (tr.docChanged) {
    ranges = mapRanges(ranges, tr);
  }
  if (threads === value.threads && ranges === value.ranges && selectedId === value.selectedId) {
    const next = stored === value.stored && overlay === value.overlay ? value : { ...value, stored, overlay };
    return tr.docChanged ? { ...next, decorations: value.decorations.map(tr.mapping, tr.doc) } : next;
  }
  return { threads, stored, overlay, ranges, selectedId, decorations: threadDecorations(tr.doc, { threads, ranges, selectedId }) };
}

/** The plugin behind `CommentHighlights` (exported for tests, which run it without a Tiptap editor). */
export function commentHighlightsPlugin(): Plugin<CommentHighlightsState> {
  return new Plugin<CommentHighlightsState>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => ({
        threads: [],
        stored: [],
        overlay: asStored,
        ranges: new Map(),
        selectedId: null,
        decorations: threadDecorations(state.doc, { threads: [], ranges: new Map(), selectedId: null }),
      }),
      apply: nextState,
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      // A click on highlighted text selects its thread (its card follows); elsewhere, none.
      handleClick: (view, _pos, event) => {
        const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
        const id = target?.getAttribute('data-thread-id') ?? null;
        if (id !== commentHighlightsKey.getState(view.state)?.selectedId) view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { select: id }));
        return false;
      },
    },
    view: (view) => {
      const binding = bindingOf(view.state);
      const threadsMap = binding?.doc.getMap(THREADS_ROOT);
      let refreshTimer: ReturnType<typeof setTimeout> | undefined;
      let settleTimer: ReturnType<typeof setTimeout> | undefined;
      const refresh = () => {
        refreshTimer = undefined;
        if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { refresh: true }));
      };
      // Deferred: the threads map changes inside a Yjs transaction, where the sync plugin may
      // itself be dispatching.
      const scheduleRefresh = () => {
        refreshTimer ??= setTimeout(refresh, 0);
      };
      threadsMap?.observeDeep(scheduleRefresh);
      scheduleRefresh();
      return {
        update: (_view, prevState) => {
          if (view.state.doc === prevState.doc) return;
          clearTimeout(settleTimer);
          settleTimer = setTimeout(() => {
            const state = commentHighlightsKey.getState(view.state);
            if (view.isDestroyed || !state) return;
            const resolved = resolveAll(bindingOf(view.state), state.threads, view.state.doc);
            if (!sameRanges(resolved, state.ranges)) scheduleRefresh();
          }, settleMs);
        },
        destroy: () => {
          clearTimeout(refreshTimer);
          clearTimeout(settleTimer);
          threadsMap?.unobserveDeep(scheduleRefresh);
        },
      };
    },
  });
}

/**
 * Shows comment threads and suggestions in the editor (see threadDecorations.ts) and keeps them on
 * their text as the document and the threads change. Adds no node or mark to the schema.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addCommands() {
    return {
      selectThread:
        (threadId) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightsKey, { select: threadId });
          return true;
        },
      setThreadsOverlay:
        (overlay) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightsKey, { overlay: overlay ?? asStored });
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    return [commentHighlightsPlugin()];
  },
});
