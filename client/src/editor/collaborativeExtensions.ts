import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { DOCUMENT_FIELD } from '@lcs/shared';
import { editorExtensions } from '@lcs/shared/editor';
import { CommentHighlights } from './comments/commentHighlights.ts';
import { renderCaret } from './renderCaret.ts';
import { withSectionViews } from './sections/sectionViews.ts';
import { ClickInTableCell } from './tables/clickInTableCell.ts';

/** Who this person is on other people's screens: the signed-in person's name and colour. */
export interface CaretUser {
  name: string;
  /** `#rrggbb`: the only form the collaboration caret accepts. */
  color: string;
}

export interface CollaborativeExtensionsOptions {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** Shown on this person's caret in everyone else's editor. */
  user: CaretUser;
}

/**
 * The editor's extensions: the shared document schema, plus editing-only behaviour that adds no
 * nodes or marks (so the server still reads every document with `editorExtensions()` alone).
 */
export function collaborativeExtensions({ ydoc, provider, user }: CollaborativeExtensionsOptions): AnyExtension[] {
  return [
    ...withSectionViews(editorExtensions(), { ydoc }),
    // Also brings undo/redo bound to Yjs: it undoes only this person's own changes.
    Collaboration.configure({ document: ydoc, field: DOCUMENT_FIELD, provider }),
    CollaborationCaret.configure({ provider, user: { ...user }, render: renderCaret }),
    Placeholder.configure({ placeholder: 'Start writing…' }),
    // Comment threads and suggestions, shown as decorations over the body (they live beside it).
    CommentHighlights,
    // A click in a cell's empty space keeps the caret in that cell, not the next one.
    ClickInTableCell,
  ];
}
