import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { SECTION_TITLE_NODE } from '@lcs/shared';
import { commentHighlightsKey } from '../editor/comments/commentHighlights.ts';
import { ariaKeyShortcut, formatShortcut } from '../lib/keyboardShortcuts.ts';
import { commentShortcut, isCommentShortcut, isTextEntry } from './commentShortcut.ts';

/** What the bubble starts: a comment or a replacement on selected text, or an insertion at a point. */
export type DraftKind = 'comment' | 'suggestion' | 'insertion';

export interface SelectionBubbleProps {
  editor: Editor;
  /** Hidden while a new thread is being written. */
  hidden: boolean;
  onStart: (kind: DraftKind) => void;
}

/** The first button of each is also `commentShortcut`. */
const rangeActions = [
  { kind: 'comment', label: 'Comment', shortcut: commentShortcut },
  { kind: 'suggestion', label: 'Suggest', shortcut: null },
] as const;
const pointActions = [{ kind: 'insertion', label: 'Suggest insertion', shortcut: commentShortcut }] as const;

interface Place {
  top: number;
  left: number;
  /** A point in a read-only editor, where the browser draws no caret: where to draw one. */
  caret: { top: number; left: number; height: number } | null;
}

/** Where the browser's selection is, when it lies in the editor's own text (not in its controls or widgets). */
function browserSelectionIn(dom: HTMLElement): Selection | null {
  const selection = document.getSelection();
  const node = selection && selection.rangeCount > 0 ? selection.anchorNode : null;
  if (!node || !dom.contains(node)) return null;
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest('[data-section-chrome], .suggestion-insertion, .collaboration-carets__caret') ? null : selection;
}

/** Whether the thread selected by clicking its card or highlight is exactly the selection. */
function selectionIsSelectedThread(editor: Editor): boolean {
  const { selection } = editor.state;
  const highlights = commentHighlightsKey.getState(editor.state);
  const selected = highlights?.selectedId ? highlights.ranges.get(highlights.selectedId) : null;
  return !!selected && selected.from === selection.from && selected.to === selection.to;
}

/**
 * Where the bubble goes and what it offers, or null when there is nothing to comment on: selected
 * text (Comment, Suggest), or, in a read-only editor (an expert, or a member suggesting), a point
 * in the text where a click put the selection (Suggest insertion). Someone who can type just types.
 */
function placeFor(editor: Editor): { place: Place; point: boolean } | null {
  if (editor.isDestroyed) return null;
  const { selection } = editor.state;
  if (!(selection instanceof TextSelection) || selectionIsSelectedThread(editor)) return null;
  const dom = editor.view.dom;
  const bounds = dom.getBoundingClientRect();
  if (selection.empty) {
    const { parent } = selection.$from;
    if (editor.isEditable || !parent.isTextblock || parent.type.name === SECTION_TITLE_NODE) return null;
    if (!browserSelectionIn(dom)?.isCollapsed) return null;
    const at = editor.view.coordsAtPos(selection.from);
    const caret = { top: at.top, left: at.left, height: Math.max(at.bottom - at.top, 12) };
    return { place: { top: at.bottom + 6, left: Math.min(Math.max(at.left - 20, bounds.left), bounds.right - 160), caret }, point: true };
  }
  // Read-only editors cannot take focus, so look at where the browser's selection is instead.
  const browserSelection = browserSelectionIn(dom);
  if (!editor.view.hasFocus() && !(browserSelection && !browserSelection.isCollapsed)) return null;
  const end = editor.view.coordsAtPos(selection.to);
  return { place: { top: end.bottom + 6, left: Math.min(Math.max(end.left - 40, bounds.left), bounds.right - 190), caret: null }, point: false };
}

const samePlace = (a: ReturnType<typeof placeFor>, b: ReturnType<typeof placeFor>) =>
  a === b || (!!a && !!b && a.point === b.point && JSON.stringify(a.place) === JSON.stringify(b.place));

/**
 * "Comment" and "Suggest" beside selected text, for everyone who may comment, including experts,
 * whose editor is read-only; "Suggest insertion" where they click between words in a read-only
 * editor, with a drawn caret since the browser shows none there. Mod+Alt+M presses the first
 * button ("Comment" or "Suggest insertion"). It listens on the whole page, not on the editor: a
 * read-only editor cannot take focus, so an expert's key presses go to the page (or to the control
 * last used, such as the mode switch), while their selection is in the text.
 */
export function SelectionBubble({ editor, hidden, onStart }: SelectionBubbleProps) {
  const [found, setFound] = useState<ReturnType<typeof placeFor>>(null);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = placeFor(editor);
        setFound((previous) => (samePlace(previous, next) ? previous : next));
      });
    };
    editor.on('selectionUpdate', update);
    editor.on('transaction', update);
    // Also emitted when the editor turns read-only (a member switching to suggesting): a point
    // already there can then take an insertion.
    editor.on('update', update);
    editor.on('blur', update);
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('selectionUpdate', update);
      editor.off('transaction', update);
      editor.off('update', update);
      editor.off('blur', update);
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [editor]);

  useEffect(() => {
    // Like the buttons, not while a new thread is being written.
    if (hidden) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isCommentShortcut(event)) return;
      // Typing goes to the editor's own element when it is editable; any other field is not the text.
      if (event.target !== editor.view.dom && isTextEntry(event.target)) return;
      const here = placeFor(editor);
      if (!here) return;
      event.preventDefault();
      onStart(here.point ? 'insertion' : 'comment');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editor, hidden, onStart]);

  if (hidden || !found) return null;
  const { place, point } = found;
  return createPortal(
    <>
      {place.caret && <span className="selection-caret" aria-hidden="true" style={place.caret} data-testid="selection-caret" />}
      <div
        className="selection-bubble"
        role="toolbar"
        aria-label={point ? 'Suggest at this point' : 'Comment on the selection'}
        style={{ top: place.top, left: place.left }}
        data-testid="selection-bubble"
      >
        {(point ? pointActions : rangeActions).map(({ kind, label, shortcut }) => (
          <button
            key={kind}
            type="button"
            className="selection-bubble__button"
            title={shortcut ? `${label} (${formatShortcut(shortcut)})` : undefined}
            aria-keyshortcuts={shortcut ? ariaKeyShortcut(shortcut) : undefined}
            // mousedown would move the browser's selection out of the editor before the click lands
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onStart(kind)}
          >
            {label}
          </button>
        ))}
      </div>
    </>,
    document.body,
  );
}
