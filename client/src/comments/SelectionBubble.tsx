import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { commentHighlightsKey } from '../editor/comments/commentHighlights.ts';

export interface SelectionBubbleProps {
  editor: Editor;
  /** Hidden while a new thread is being written. */
  hidden: boolean;
  onStart: (kind: 'comment' | 'suggestion') => void;
}

const actions = [
  { kind: 'comment', label: 'Comment' },
  { kind: 'suggestion', label: 'Suggest' },
] as const;

interface Place {
  top: number;
  left: number;
}

/** Where the bubble goes for the current selection, or null when there is nothing to comment on. */
function placeFor(editor: Editor): Place | null {
  if (editor.isDestroyed) return null;
  const { selection } = editor.state;
  if (!(selection instanceof TextSelection) || selection.empty) return null;
  // A selection made by clicking a card already has its thread.
  const highlights = commentHighlightsKey.getState(editor.state);
  const selected = highlights?.selectedId ? highlights.ranges.get(highlights.selectedId) : null;
  if (selected && selected.from === selection.from && selected.to === selection.to) return null;
  // Read-only editors cannot take focus, so look at where the browser's selection is instead.
  const dom = editor.view.dom;
  const browserSelection = document.getSelection();
  const inEditor = editor.view.hasFocus() || (browserSelection !== null && browserSelection.rangeCount > 0 && !browserSelection.isCollapsed && dom.contains(browserSelection.anchorNode));
  if (!inEditor) return null;
  const end = editor.view.coordsAtPos(selection.to);
  const bounds = dom.getBoundingClientRect();
  return { top: end.bottom + 6, left: Math.min(Math.max(end.left - 40, bounds.left), bounds.right - 190) };
}

/**
 * "Comment" and "Suggest" beside selected text, for everyone who may comment, including experts,
 * whose editor is read-only. Mod+Alt+M does the same as "Comment".
 */
export function SelectionBubble({ editor, hidden, onStart }: SelectionBubbleProps) {
  const [place, setPlace] = useState<Place | null>(null);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPlace(placeFor(editor)));
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'm' && event.altKey && (event.metaKey || event.ctrlKey) && placeFor(editor)) {
        event.preventDefault();
        onStart('comment');
      }
    };
    editor.on('selectionUpdate', update);
    editor.on('transaction', update);
    editor.on('blur', update);
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    editor.view.dom.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('selectionUpdate', update);
      editor.off('transaction', update);
      editor.off('blur', update);
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
      editor.view.dom.removeEventListener('keydown', onKey);
    };
  }, [editor, onStart]);

  if (hidden || !place) return null;
  return createPortal(
    <div className="selection-bubble" role="toolbar" aria-label="Comment on the selection" style={{ top: place.top, left: place.left }} data-testid="selection-bubble">
      {actions.map(({ kind, label }) => (
        // mousedown would move the browser's selection out of the editor before the click lands
        <button key={kind} type="button" className="selection-bubble__button" onMouseDown={(event) => event.preventDefault()} onClick={() => onStart(kind)}>
          {label}
        </button>
      ))}
    </div>,
    document.body,
  );
}
