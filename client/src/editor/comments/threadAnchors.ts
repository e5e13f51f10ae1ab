import * as Y from 'yjs';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Thread } from '@lcs/shared';

/** What anchors are made against: the body's Yjs type and y-tiptap's map from Yjs types to nodes. */
export interface AnchorBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

/** A thread's range in the current document, in ProseMirror positions. */
export interface AnchorRange {
  from: number;
  to: number;
}

/** Both ends of a range as base64 Yjs relative positions, as the threads API takes them. */
export interface EncodedAnchor {
  start: string;
  end: string;
}

/** The editor's Yjs binding, or null before the collaboration plugin has one. */
export function bindingOf(state: EditorState): AnchorBinding | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: AnchorBinding | null } | undefined)?.binding;
  return binding?.type && binding.doc ? binding : null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function relativePosition(binding: AnchorBinding, pos: number): Y.RelativePosition {
  return absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) as Y.RelativePosition;
}

const encodeRelative = (relative: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(relative));

function encodePosition(binding: AnchorBinding, pos: number): string {
  return encodeRelative(relativePosition(binding, pos));
}

/**
 * Anchors `from..to` to the text itself (Yjs relative positions), so the range follows that text
 * through everyone's edits. y-tiptap attaches both ends to the character on their left: text typed
 * at the start of the range joins it, text typed at its end does not.
 */
export function encodeAnchor(binding: AnchorBinding, from: number, to: number): EncodedAnchor {
  return { start: encodePosition(binding, from), end: encodePosition(binding, to) };
}

/**
 * Anchors the point `pos`, between two characters, where a suggested insertion goes. Both ends are
 * that point, but they hold on to different neighbours: `start` to the character on its left (like
 * every anchor end, so text typed at the point goes after it), `end` to the character on its right.
 * The point is shown where `start` is; having both lets it survive the deletion of either neighbour
 * (see `resolvePoint`). At the edge of a paragraph's text, that side has no character to hold.
 */
export function encodePoint(binding: AnchorBinding, pos: number): EncodedAnchor {
  const left = relativePosition(binding, pos);
  const absolute = Y.createAbsolutePositionFromRelativePosition(left, binding.doc);
  const right = absolute && absolute.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0) : left;
  return { start: encodeRelative(left), end: encodeRelative(right) };
}

/**
 * y-tiptap gives up (null) on a character-based position that lands at the very start of the
 * document, guessing that a block was dragged away; for a thread it only means the text before the
 * range was deleted. Read such a position as its text node's start plus the offset in it.
 */
function resolveAtDocumentStart(binding: AnchorBinding, relative: Y.RelativePosition): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText) || absolute.type._item?.deleted) return null;
  const textStart = Y.createRelativePositionFromTypeIndex(absolute.type, 0, -1);
  const start = relativePositionToAbsolutePosition(binding.doc, binding.type, textStart, binding.mapping as never);
  return start === null ? null : start + absolute.index;
}

/** A decoded anchor end, or null when it cannot be decoded (treated like a deleted one: detached). */
function decodeRelative(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

function absolutePosition(binding: AnchorBinding, relative: Y.RelativePosition | null, maxPos: number): number | null {
  if (!relative) return null;
  try {
    const pos = relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping as never) ?? resolveAtDocumentStart(binding, relative);
    return pos !== null && pos >= 0 && pos <= maxPos ? pos : null;
  } catch {
    return null;
  }
}

const decodePosition = (binding: AnchorBinding, encoded: string, maxPos: number) => absolutePosition(binding, decodeRelative(encoded), maxPos);

/** Where an anchor lies in the current document, or null when either end is gone. */
export function resolveAnchor(binding: AnchorBinding, anchor: EncodedAnchor, maxPos: number): AnchorRange | null {
  const from = decodePosition(binding, anchor.start, maxPos);
  const to = decodePosition(binding, anchor.end, maxPos);
  return from === null || to === null ? null : { from, to };
}

/**
 * Whether what an anchor end holds on to is gone: the character beside it, or at the edge of a
 * paragraph's text, that text itself. Gone means deleted and not brought back by undo (which makes
 * a new item that Yjs links from the old one), or not known to this document yet.
 */
function holdGone(doc: Y.Doc, relative: Y.RelativePosition): boolean {
  let id = relative.item ?? relative.type;
  // A root type (only in hand-made anchors) is never deleted.
  if (id === null) return false;
  try {
    for (;;) {
      if (Y.getState(doc.store, id.client) <= id.clock) return true;
      const struct = Y.getItem(doc.store, id);
      if (!(struct instanceof Y.Item)) return true;
      if (struct.redone === null) return struct.deleted;
      id = Y.createID(struct.redone.client, struct.redone.clock + (id.clock - struct.id.clock));
    }
  } catch {
    return true;
  }
}

/**
 * Where a point anchor (see `encodePoint`) lies now, as an empty range, or null when it is detached.
 * Both ends normally resolve to the same place; when text was typed at the point, `end` lies after
 * that text and the point stays before it, where `start` is. A point is detached only when the text
 * around it is gone: both of its neighbours deleted (a neighbour at the start or end of a paragraph
 * is that paragraph's text, gone with the paragraph). Until then it sits where the surviving
 * neighbour puts it.
 */
export function resolvePoint(binding: AnchorBinding, anchor: EncodedAnchor, maxPos: number): AnchorRange | null {
  const start = decodeRelative(anchor.start);
  const end = decodeRelative(anchor.end);
  if (!start || !end || (holdGone(binding.doc, start) && holdGone(binding.doc, end))) return null;
  const at = absolutePosition(binding, start, maxPos) ?? absolutePosition(binding, end, maxPos);
  return at === null ? null : { from: at, to: at };
}

/** A suggested insertion: a suggestion with no quoted text, anchored at a point rather than a range. */
export const isPointThread = (thread: Pick<Thread, 'quote' | 'suggestion'>): boolean => thread.quote === '' && thread.suggestion !== null;

/** Where a thread's text (or, for an insertion, its point) lies now; null when an end is gone. */
export function resolveThreadAnchor(binding: AnchorBinding, thread: Pick<Thread, 'anchor' | 'quote' | 'suggestion'>, maxPos: number): AnchorRange | null {
  return isPointThread(thread) ? resolvePoint(binding, thread.anchor, maxPos) : resolveAnchor(binding, thread.anchor, maxPos);
}

/**
 * A thread whose text was deleted: it is not highlighted, and the panel shows its quote instead.
 * A suggested insertion is a point: its empty range is normal, and `resolvePoint` says when it is
 * detached (null).
 */
export function isDetached(thread: Pick<Thread, 'quote' | 'suggestion'>, range: AnchorRange | null): boolean {
  return range === null || (!isPointThread(thread) && range.from >= range.to);
}
