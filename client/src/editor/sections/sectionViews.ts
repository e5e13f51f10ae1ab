import { Extension } from '@tiptap/core';
import type { AnyExtension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import type * as Y from 'yjs';
import { SECTION_NODE, SECTION_TITLE_NODE } from '@lcs/shared';
import { Section, SectionTitle } from '@lcs/shared/editor';
import { sectionDecorations } from './sectionDecorations.ts';
import { KeepSelectionOutOfTitles } from './keepSelectionOutOfTitles.ts';
import { SectionHeading } from './SectionHeading.tsx';
import { sectionNodeView } from './sectionNodeView.ts';
import type { SectionHeadingOptions } from './SectionHeading.tsx';

const sectionDecorationsKey = new PluginKey('sectionDecorations');

/** Keeps the section decorations (see sectionDecorations.ts) in step with the document. */
const SectionDecorations = Extension.create({
  name: 'sectionDecorations',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: sectionDecorationsKey,
        state: {
          init: (_config, state) => sectionDecorations(state.doc),
          apply: (tr, decorations) => (tr.docChanged ? sectionDecorations(tr.doc) : decorations),
        },
        props: {
          decorations: (state) => sectionDecorationsKey.getState(state),
        },
      }),
    ];
  },
});

// Events from the status, lead and guidance controls belong to them, not to ProseMirror (a click
// on the guidance text would otherwise select the whole title node).
const isSectionChromeEvent = ({ event }: { event: Event }) => event.target instanceof Element && event.target.closest('[data-section-chrome]') !== null;

/** The section, updated in place when its status or lead changes (see sectionNodeView.ts). */
const SectionInPlace = Section.extend({
  addNodeView() {
    return sectionNodeView;
  },
});

/** The section title with its heading view. Same node, same schema: only how it is shown differs. */
const SectionTitleWithHeading = SectionTitle.extend<SectionHeadingOptions>({
  addOptions() {
    return { ydoc: null };
  },
  addNodeView() {
    return ReactNodeViewRenderer(SectionHeading, {
      contentDOMElementTag: 'span',
      stopEvent: isSectionChromeEvent,
      // The section's status and lead reach the heading as a decoration, whose change alone would
      // not re-render it (the default update only re-renders for a new node).
      update: ({ updateProps }) => {
        updateProps();
        return true;
      },
    });
  },
});

export interface SectionViewsOptions {
  ydoc: Y.Doc;
}

/**
 * The document's extensions with sections shown for writing: each title becomes a heading with the
 * section's status, lead and guidance (never typed into: the cursor is kept out of titles), and each
 * section is labelled for tests. The schema is
 * untouched (the section and title nodes are replaced by themselves plus a view), so the server
 * still reads every document with the shared list alone.
 */
export function withSectionViews(extensions: AnyExtension[], { ydoc }: SectionViewsOptions): AnyExtension[] {
  return [
    ...extensions.map((extension) => {
      if (extension.name === SECTION_NODE) return SectionInPlace;
      if (extension.name === SECTION_TITLE_NODE) return SectionTitleWithHeading.configure({ ydoc });
      return extension;
    }),
    SectionDecorations,
    KeepSelectionOutOfTitles,
  ];
}
