import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { Thread } from '@lcs/shared';
import type { CollabSession } from '../collab/createCollabSession.ts';
import { commentHighlightsKey } from '../editor/comments/commentHighlights.ts';
import { bindingOf, encodeAnchor, encodePoint } from '../editor/comments/threadAnchors.ts';
import { useSignedIn } from '../hooks/useSession.ts';
import type { StrategySummary } from '../lib/documentsApi.ts';
import type { OutboxEntry } from './commentOutbox.ts';
import { commentPermissions } from './commentPermissions.ts';
import { CommentsContext } from './commentsContext.ts';
import type { CommentsContextValue } from './commentsContext.ts';
import { groupBySection } from './groupBySection.ts';
import { ModeSwitch } from './ModeSwitch.tsx';
import { NewThreadCard } from './NewThreadCard.tsx';
import type { ThreadDraft } from './NewThreadCard.tsx';
import { orderThreads } from './orderThreads.ts';
import { pointContext } from './pointContext.ts';
import { OutboxSummary } from './OutboxSummary.tsx';
import { withPendingChanges } from './pendingChanges.ts';
import { SectionSuggestions } from './SectionSuggestions.tsx';
import { SelectionBubble } from './SelectionBubble.tsx';
import type { DraftKind } from './SelectionBubble.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { matchesFilter, threadFilters } from './threadFilters.ts';
import type { ThreadFilter } from './threadFilters.ts';
import { unseenComments } from './unreadComments.ts';
import { useCommentsState } from './useCommentsState.ts';
import { useOutbox } from './useOutbox.ts';
import { usePeople } from './usePeople.ts';
import { useSeenComments } from './useSeenComments.ts';
import { useMarginLayout, useWideScreen } from './useMarginLayout.ts';
import './comments.css';

/** Longest quote the server keeps with a thread (characters). */
const maxQuoteLength = 5_000;
const noEntries: readonly OutboxEntry[] = [];

export interface CommentsPanelProps {
  editor: Editor;
  session: CollabSession;
  access: StrategySummary['access'];
  /** For the mention picker; null (a facilitator's document outside any workshop) turns it off. */
  workshopId: string | null;
  /** Members only: whether they propose changes instead of typing them. */
  suggesting: boolean;
  onSuggestingChange: (suggesting: boolean) => void;
}

/**
 * The comment threads and suggestions of a document: cards in a margin beside the text on wide
 * screens, a side panel opened with "Comments" on narrow ones.
 */
export function CommentsPanel({ editor, session, access, workshopId, suggesting, onSuggestingChange }: CommentsPanelProps) {
  const { person: me } = useSignedIn();
  const documentId = session.documentId;
  const permissions = commentPermissions(access);
  const people = usePeople(workshopId);
  const outbox = useOutbox(documentId, me.id, session.provider, editor);
  // What this person did offline shows at once, on the cards and in the text alike: the editor shows
  // its threads through this overlay, and the panel reads them from the editor.
  const meId = me.id;
  const overlay = useCallback((stored: readonly Thread[]) => withPendingChanges(stored, outbox.entries, { id: meId }), [outbox.entries, meId]);
  useEffect(() => {
    editor.commands.setThreadsOverlay(overlay);
    return () => {
      if (!editor.isDestroyed) editor.commands.setThreadsOverlay(null);
    };
  }, [editor, overlay]);
  const { threads, ranges, selectedId } = useCommentsState(editor);
  const { seen, markSeen } = useSeenComments(me.id, documentId, threads);
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const [draft, setDraft] = useState<ThreadDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Narrow screens only: whether the panel is slid in.
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);

  const placed = useMemo(() => orderThreads(threads, ranges), [threads, ranges]);
  const shown = placed.filter(({ thread }) => matchesFilter(thread, filter, me.id));
  // Wide screens, open threads: cards level with their text; the rest (detached) in a column below.
  const marginOn = useWideScreen() && filter === 'open';
  const anchored = useMemo(
    () => (marginOn ? placed.filter(({ thread, range }) => range !== null && matchesFilter(thread, 'open', me.id)) : []),
    [marginOn, placed, me.id],
  );
  const flowing = marginOn ? shown.filter(({ range }) => range === null) : shown;
  const { marginRef, topRef, layout } = useMarginLayout(editor, anchored, marginOn);
  const openCount = placed.filter(({ thread }) => matchesFilter(thread, 'open', me.id)).length;
  const anyUnseen = placed.some(({ thread }) => unseenComments(thread, seen, me.id).length > 0);
  const pendingThreads = outbox.entries.filter((e) => e.kind === 'thread');
  const pendingReplies = useMemo(() => {
    const byThread = new Map<string, OutboxEntry[]>();
    for (const entry of outbox.entries) if (entry.kind === 'reply') byThread.set(entry.threadId, [...(byThread.get(entry.threadId) ?? []), entry]);
    return byThread;
  }, [outbox.entries]);
  const sectionGroups = useMemo(() => {
    if (!permissions.decide) return [];
    const pending = placed.filter(({ thread, range }) => range && thread.suggestion?.status === 'pending' && !thread.resolved);
    return groupBySection(editor.state.doc, pending, ({ range }) => range!.from).map((g) => ({ ...g, items: g.items.map((p) => p.thread) }));
    // The document is read again whenever the placement changes, which every edit that moves a range does.
  }, [placed, permissions.decide, editor]);

  // Card → text: emphasise the thread, select its text and bring it into view.
  const selectThread = useCallback(
    (thread: Thread) => {
      const range = commentHighlightsKey.getState(editor.state)?.ranges.get(thread.id);
      const tr = editor.state.tr.setMeta(commentHighlightsKey, { select: thread.id });
      if (range && range.from < range.to) tr.setSelection(TextSelection.create(tr.doc, range.from, range.to));
      editor.view.dispatch(tr);
      editor.view.dom.querySelector(`[data-thread-id="${CSS.escape(thread.id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [editor],
  );

  // Text → card (and any selection): show the card, open the panel, count its comments as seen.
  useEffect(() => {
    if (!selectedId) return;
    const thread = threads.find((t) => t.id === selectedId);
    if (!thread) return;
    markSeen(thread);
    if (!matchesFilter(thread, filter, me.id)) setFilter(matchesFilter(thread, 'open', me.id) ? 'open' : 'resolved');
    setOpen(true);
    requestAnimationFrame(() => {
      listRef.current?.querySelector(`[data-testid="thread-card"][data-thread-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
    });
    // Only when the selection changes: a new comment on the open card is marked seen below.
  }, [selectedId]);
  const selectedThread = threads.find((t) => t.id === selectedId);
  useEffect(() => {
    if (selectedThread) markSeen(selectedThread);
  }, [selectedThread, markSeen]);

  // A comment or suggestion on the selected text, or a suggested insertion at the (collapsed) selection.
  const startDraft = useCallback(
    (kind: DraftKind) => {
      const binding = bindingOf(editor.state);
      const { from, to } = editor.state.selection;
      if (!binding || (kind === 'insertion') !== (from === to)) return;
      const quote = editor.state.doc.textBetween(from, to, '\n').slice(0, maxQuoteLength);
      // Only an insertion may have no quote (the server refuses anything else without one).
      if (kind !== 'insertion' && quote === '') return;
      setDraft(
        kind === 'insertion'
          ? { kind: 'suggestion', anchor: encodePoint(binding, from), quote: '', context: pointContext(editor.state.doc, from) }
          : { kind, anchor: encodeAnchor(binding, from, to), quote },
      );
      setNotice(null);
      setOpen(true);
      setFilter('open');
    },
    [editor],
  );

  const context: CommentsContextValue = useMemo(
    () => ({ editor, documentId, me, permissions, people, outbox }),
    // `permissions` is derived from `access` alone.
    [editor, documentId, me, access, people, outbox],
  );

  return (
    <CommentsContext.Provider value={context}>
      {permissions.comment && <SelectionBubble editor={editor} hidden={draft !== null} onStart={startDraft} />}
      <button type="button" className="comments-toggle" aria-expanded={open} aria-controls="comments-panel" onClick={() => setOpen(!open)}>
        Comments{openCount > 0 ? ` (${openCount})` : ''}
        {anyUnseen && <span className="thread-card__unread" aria-hidden="true" />}
      </button>
      <aside id="comments-panel" className={`comments-panel${open ? ' comments-panel--open' : ''}${marginOn ? ' comments-panel--margin' : ''}`} aria-label="Comments" data-testid="comments-panel">
        {/* The title, mode, filters and a new thread stay in view while the page scrolls past the margin (comments.css). */}
        <div className="comments-panel__top" data-testid="comments-panel-top" ref={topRef}>
          <header className="comments-panel__header">
            <h2 className="comments-panel__title">Comments</h2>
            <button type="button" className="comments-panel__close" aria-label="Close comments" onClick={() => setOpen(false)}>
              ×
            </button>
          </header>
          {permissions.chooseMode && <ModeSwitch suggesting={suggesting} onChange={onSuggestingChange} />}
          <div className="comment-filters" role="tablist" aria-label="Show">
            {threadFilters.map(({ id, label }) => (
              <button key={id} type="button" role="tab" aria-selected={filter === id} aria-controls="comment-list" className="comment-filters__tab" onClick={() => setFilter(id)}>
                {label}
              </button>
            ))}
          </div>
          {draft && (
            <NewThreadCard
              draft={draft}
              onDone={(outcome) => {
                setDraft(null);
                setNotice(outcome === 'queued' ? 'You are offline: the comment is kept on this device and sent when the connection is back.' : null);
              }}
            />
          )}
          {notice && (
            <p className="comments-panel__notice" role="status">
              {notice}
            </p>
          )}
        </div>
        {access === 'comment' && <p className="comments-panel__hint muted">Select text to comment on it or to suggest a change; click between words to suggest an insertion.</p>}
        {access === 'read' && <p className="comments-panel__hint muted">You can read the comments.</p>}
        {suggesting && permissions.chooseMode && <p className="comments-panel__hint muted">Suggesting: select text and press “Suggest” to propose a change, or click between words to suggest an insertion.</p>}
        <OutboxSummary threads={threads} />
        {filter === 'open' && <SectionSuggestions groups={sectionGroups} />}
        <div id="comment-list" className="comment-list" role="tabpanel" ref={listRef}>
          {filter === 'open' &&
            pendingThreads.map((entry) => (
              <article key={entry.id} className="thread-card thread-card--pending" data-testid="thread-card" data-pending="true">
                <p className={`comment__pending${entry.error ? ' comment__pending--error' : ''}`}>
                  {entry.error ? `Not sent: ${entry.error}` : 'Pending — sends when back online'}{' '}
                  <button type="button" className="comment-link" onClick={() => outbox.discard(entry.id)}>
                    Discard
                  </button>
                </p>
                {entry.kind === 'thread' && entry.body.quote && <blockquote className="thread-card__quote">{entry.body.quote}</blockquote>}
                {entry.kind === 'thread' && entry.body.suggestion && <p className="thread-card__suggestion">Suggests “{entry.body.suggestion.replacement}”</p>}
                {entry.kind === 'thread' && entry.body.body && <p className="comment__body">{entry.body.body}</p>}
              </article>
            ))}
          {marginOn && anchored.length > 0 && (
            <div className="comment-margin" ref={marginRef} style={{ height: layout.height }}>
              {anchored.map(({ thread }) => (
                <div key={thread.id} className="comment-margin__slot" data-margin-slot={thread.id} style={{ top: layout.tops.get(thread.id) ?? 0 }}>
                  <ThreadCard
                    thread={thread}
                    detached={false}
                    selected={thread.id === selectedId}
                    unseen={unseenComments(thread, seen, me.id).length}
                    pendingReplies={pendingReplies.get(thread.id) ?? noEntries}
                    onSelect={selectThread}
                  />
                </div>
              ))}
            </div>
          )}
          {flowing.map(({ thread, range }) => (
            <ThreadCard
              key={thread.id}
              thread={thread}
              detached={range === null}
              selected={thread.id === selectedId}
              unseen={unseenComments(thread, seen, me.id).length}
              pendingReplies={pendingReplies.get(thread.id) ?? noEntries}
              onSelect={selectThread}
            />
          ))}
          {shown.length === 0 && (filter !== 'open' || pendingThreads.length === 0) && (
            <p className="comment-list__empty muted">
              {filter === 'open' ? (permissions.comment ? 'No open comments. Select text to start one.' : 'No open comments.') : 'Nothing here.'}
            </p>
          )}
        </div>
      </aside>
    </CommentsContext.Provider>
  );
}
