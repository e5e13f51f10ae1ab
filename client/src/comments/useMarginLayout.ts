import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { RefObject } from 'react';
import type { Editor } from '@tiptap/core';
import { marginHeight, stackCards } from './marginLayout.ts';
import type { PlacedThread } from './orderThreads.ts';

/** The width from which the panel is a margin beside the text (as in comments.css). */
const wideQuery = '(min-width: 80rem)';
/** Space between two stacked cards (pixels), about the list's 0.6rem gap. */
const cardGap = 10;

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(wideQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the screen is wide enough for the margin (rather than the slide-in panel). */
export function useWideScreen(): boolean {
  return useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(wideQuery).matches,
    () => false,
  );
}

export interface MarginLayout {
  /** Where each card goes, by thread id, from the top of the margin. */
  tops: ReadonlyMap<string, number>;
  /** How tall the margin must be to hold them. */
  height: number;
}

const emptyLayout: MarginLayout = { tops: new Map(), height: 0 };

function sameLayout(a: MarginLayout, b: MarginLayout): boolean {
  if (a.height !== b.height || a.tops.size !== b.tops.size) return false;
  for (const [id, top] of a.tops) if (b.tops.get(id) !== top) return false;
  return true;
}

/** The CSS variable, set on the top's parent, that holds the sticky top's height (for scroll-margin-top). */
const topHeightVariable = '--comments-top-height';

/**
 * Cards level with their text: each card of `items` (threads with a range, in document order) is
 * placed at the top of its highlight, pushed down below the card above when they would overlap.
 * Measured again after the panel renders and when the document changes, the window is resized, a
 * card changes height, or the panel's top changes height (it sits above the margin, so the margin
 * moves: a new thread's form opens there). The cards are the children of the margin element, each
 * with `data-margin-slot` set to its thread id. The top stays in view as the page scrolls (sticky);
 * its height is published as `--comments-top-height` so that a card scrolled into view lands below it.
 */
export function useMarginLayout(
  editor: Editor,
  items: readonly PlacedThread[],
  enabled: boolean,
): { marginRef: RefObject<HTMLDivElement | null>; topRef: RefObject<HTMLDivElement | null>; layout: MarginLayout } {
  const marginRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<MarginLayout>(emptyLayout);

  const measure = useCallback(() => {
    const margin = marginRef.current;
    if (!enabled || !margin || editor.isDestroyed) return;
    const base = margin.getBoundingClientRect().top;
    const size = editor.state.doc.content.size;
    const slots = new Map<string, HTMLElement>();
    for (const child of margin.children) if (child instanceof HTMLElement && child.dataset.marginSlot) slots.set(child.dataset.marginSlot, child);
    const placed = items.filter(({ range }) => range !== null);
    const measured = placed.map(({ thread, range }) => {
      let top = 0;
      try {
        top = editor.view.coordsAtPos(Math.min(Math.max(range!.from, 0), size)).top - base;
      } catch {
        // A position the view cannot show yet: top of the margin, below the cards above.
      }
      return { top: Math.round(top), height: slots.get(thread.id)?.offsetHeight ?? 0 };
    });
    const tops = stackCards(measured, cardGap);
    const next: MarginLayout = { tops: new Map(placed.map(({ thread }, i) => [thread.id, tops[i]!])), height: marginHeight(measured, tops) };
    setLayout((previous) => (sameLayout(previous, next) ? previous : next));
  }, [editor, items, enabled]);

  // Before paint, after every render of the panel: what it renders above the margin (the top, waiting
  // threads) moves the margin. Cheap, and a layout that did not change sets no state.
  useLayoutEffect(measure);

  useEffect(() => {
    if (!enabled || editor.isDestroyed) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    editor.on('update', schedule);
    window.addEventListener('resize', schedule);
    const resized = new ResizeObserver(schedule);
    resized.observe(editor.view.dom);
    const margin = marginRef.current;
    if (margin) for (const child of margin.children) resized.observe(child);
    const top = topRef.current;
    const publishTop = top
      ? new ResizeObserver(() => {
          top.parentElement?.style.setProperty(topHeightVariable, `${top.offsetHeight}px`);
          schedule();
        })
      : null;
    if (top) publishTop?.observe(top);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('update', schedule);
      window.removeEventListener('resize', schedule);
      resized.disconnect();
      publishTop?.disconnect();
      top?.parentElement?.style.removeProperty(topHeightVariable);
    };
  }, [editor, measure, enabled]);

  return { marginRef, topRef, layout };
}
