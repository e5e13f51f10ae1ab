import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Thread } from '@lcs/shared';
import { isOpenThread } from '../../comments/threadFilters.ts';
import { isDetached } from './threadAnchors.ts';
import type { AnchorRange } from './threadAnchors.ts';

/** What each decoration is, in its spec: read by tests, ignored by ProseMirror. */
export interface ThreadDecorationSpec {
  threadId: string;
  kind: 'comment' | 'deletion' | 'insertion';
}

export interface ThreadDecorationInput {
  threads: readonly Thread[];
  ranges: ReadonlyMap<string, AnchorRange | null>;
  selectedId: string | null;
}

/** Colours come from people's profiles; only `#rrggbb` reaches a style attribute. */
export function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : '#777777';
}

function insertionWidget(thread: Thread, selected: boolean): () => HTMLElement {
  return () => {
    const wrap = document.createElement('span');
    wrap.className = `suggestion-insertion${selected ? ' suggestion--selected' : ''}`;
    wrap.dataset.threadId = thread.id;
    wrap.contentEditable = 'false';
    wrap.style.setProperty('--comment-color', safeColor(thread.authorColor));
    const replacement = thread.suggestion?.replacement ?? '';
    if (replacement !== '') {
      const ins = document.createElement('ins');
      ins.textContent = replacement;
      wrap.append(ins);
    }
    const label = document.createElement('span');
    label.className = 'suggestion-label';
    label.textContent = thread.authorName;
    wrap.append(label);
    return wrap;
  };
}

/**
 * The editor's view of the threads: open threads' text highlighted, pending suggestions shown as
 * a struck-through range followed by the proposed text, in the author's colour. Decorations, not
 * marks: nothing is written to the body, so copying text cannot copy an anchor and undo cannot
 * separate a thread from its text.
 */
export function threadDecorations(doc: ProseMirrorNode, { threads, ranges, selectedId }: ThreadDecorationInput): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    if (!isOpenThread(thread)) continue;
    const range = ranges.get(thread.id) ?? null;
    if (range === null || isDetached(thread, range)) continue;
    const selected = thread.id === selectedId;
    const style = `--comment-color: ${safeColor(thread.authorColor)}`;
    const spec = (kind: ThreadDecorationSpec['kind']): ThreadDecorationSpec => ({ threadId: thread.id, kind });
    if (thread.suggestion === null) {
      const attrs = { class: `comment-highlight${selected ? ' comment-highlight--selected' : ''}`, 'data-thread-id': thread.id, style };
      decorations.push(Decoration.inline(range.from, range.to, attrs, spec('comment')));
      continue;
    }
    if (range.from < range.to) {
      const attrs = { class: `suggestion-deletion${selected ? ' suggestion--selected' : ''}`, 'data-thread-id': thread.id, style };
      decorations.push(Decoration.inline(range.from, range.to, attrs, spec('deletion')));
    }
    decorations.push(
      Decoration.widget(range.to, insertionWidget(thread, selected), {
        ...spec('insertion'),
        side: 1,
        // Same key, same DOM: the widget is only rebuilt when what it shows changes.
        key: JSON.stringify([thread.id, selected, thread.suggestion.replacement, thread.authorName, thread.authorColor]),
        ignoreSelection: true,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}
