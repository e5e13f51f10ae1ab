/** A card in the margin: where its text starts and how tall the card is (pixels). */
export interface MarginItem {
  top: number;
  height: number;
}

/**
 * Where each card goes so none overlaps the one above: level with its text when there is room,
 * otherwise just below the previous card (greedy, in the order given — the document's). No card
 * goes above 0, the top of the margin.
 */
export function stackCards(items: readonly MarginItem[], gap = 0): number[] {
  const tops: number[] = [];
  let nextFree = 0;
  for (const { top, height } of items) {
    const wanted = Number.isFinite(top) ? top : 0;
    const placed = Math.max(wanted, nextFree, 0);
    tops.push(placed);
    nextFree = placed + Math.max(height, 0) + gap;
  }
  return tops;
}

/** The height the margin needs to hold cards placed at `tops`. */
export function marginHeight(items: readonly MarginItem[], tops: readonly number[]): number {
  return items.reduce((max, { height }, i) => Math.max(max, (tops[i] ?? 0) + Math.max(height, 0)), 0);
}
