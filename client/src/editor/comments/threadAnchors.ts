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

function encodePosition(binding: AnchorBinding, pos: number): string {
  const relative = absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) as Y.RelativePosition;
  return toBase64(Y.encodeRelativePosition(relative));
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

function decodePosition(binding: AnchorBinding, encoded: string, maxPos: number): number | null {
  try {
    const relative = Y.decodeRelativePosition(fromBase64(encoded));
    const pos = relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping as never) ?? resolveAtDocumentStart(binding, relative);
    return pos !== null && pos >= 0 && pos <= maxPos ? pos : null;
  } catch {
    // A malformed anchor is treated like a deleted one: the thread shows as detached.
    return null;
  }
}

/** Where an anchor lies in the current document, or null when either end is gone. */
export function resolveAnchor(binding: AnchorBinding, anchor: EncodedAnchor, maxPos: number): AnchorRange | null {
  const from = decodePosition(binding, anchor.start, maxPos);
  const to = decodePosition(binding, anchor.end, maxPos);
  return from === null || to === null ? null : { from, to };
}

/**
 * A thread whose text was deleted: it is not highlighted, and the panel shows its quote instead.
 * A thread made on an empty range (a suggested insertion, with no quote) is a point, not detached.
 */
export function isDetached(thread: Pick<Thread, 'quote'>, range: AnchorRange | null): boolean {
  if (range === null) return true;
  return thread.quote === '' ? range.from > range.to : range.from >= range.to;
}
