import { mergeAttributes, Node } from '@tiptap/core';
import { isSectionStatus, SECTION_NODE, SECTION_TITLE_NODE } from '../coverage/strategyDocument.ts';
import type { SectionStatus } from '../coverage/strategyDocument.ts';
import { findSection } from './sectionOutline.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    section: {
      /**
       * Sets the writing status of the section with this key (anywhere in the document).
       * Fails, changing nothing, when there is no such section or the status is unknown.
       * @example editor.commands.setSectionStatus('vision-and-motivation', 'drafting')
       */
      setSectionStatus: (key: string, status: SectionStatus) => ReturnType;
      /**
       * Sets who leads the section with this key; `null` or blank text clears it.
       * @example editor.commands.setSectionLead('vision-and-motivation', 'Amina')
       */
      setSectionLead: (key: string, lead: string | null) => ReturnType;
    };
  }
}

/**
 * The top node. A strategy is a list of sections; a document made without a template (issue 2)
 * is a list of ordinary blocks, and an empty document still fills with a paragraph (sections need
 * a key, so ProseMirror never invents one).
 *
 * Loose blocks beside sections are allowed here on purpose, and kept out by the section guard
 * instead. y-tiptap renders every remote change by replacing the whole top level; content the
 * expression rejects is not refused but refitted, and `block+ | section+` refits a stray paragraph
 * (say, typed before the first sync) plus sections into plain paragraphs, which the next local edit
 * then writes back over everyone's sections. Whatever Yjs merges, the top level must hold it.
 */
export const StrategyDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: `(block | ${SECTION_NODE})+`,
});

/**
 * One section of a strategy: its title, its own free content, then its subsections. It is
 * `isolating` so joins, lifts and Backspace stop at its edges, and `defining` so pasting over the
 * whole of its content keeps the section itself. Not in the `block` group: a section cannot end up
 * inside a list, a quote or a table cell.
 */
export const Section = Node.create({
  name: SECTION_NODE,
  group: SECTION_NODE,
  content: `${SECTION_TITLE_NODE} block* ${SECTION_NODE}*`,
  defining: true,
  isolating: true,
  selectable: false,
  draggable: false,

  addAttributes() {
    return {
      key: {
        // Required: every section comes from a template section, and the outline, coverage and
        // guidance all find it by this key.
        isRequired: true,
        parseHTML: (element) => element.getAttribute('data-section-key'),
        renderHTML: (attributes) => ({ 'data-section-key': attributes.key }),
      },
      status: {
        default: 'not_started' satisfies SectionStatus,
        parseHTML: (element) => {
          const status = element.getAttribute('data-status');
          return isSectionStatus(status) ? status : 'not_started';
        },
        renderHTML: (attributes) => ({ 'data-status': attributes.status }),
      },
      lead: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-lead') || null,
        renderHTML: (attributes) => (attributes.lead ? { 'data-lead': attributes.lead } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'section[data-section-key]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setSectionStatus:
        (key, status) =>
        ({ tr, dispatch }) => {
          const found = findSection(tr.doc, key);
          if (!found || !isSectionStatus(status)) return false;
          if (dispatch) tr.setNodeAttribute(found.pos, 'status', status);
          return true;
        },
      setSectionLead:
        (key, lead) =>
        ({ tr, dispatch }) => {
          const found = findSection(tr.doc, key);
          if (!found) return false;
          if (dispatch) tr.setNodeAttribute(found.pos, 'lead', lead?.trim() || null);
          return true;
        },
    };
  },
});

/**
 * A section's title: plain text, no marks. `level` is 2 for a top-level section and 3 for a
 * subsection; it is written when the section is created (sections never move), because
 * `renderHTML` cannot see how deep a node sits and exported HTML needs the right heading.
 */
export const SectionTitle = Node.create({
  name: SECTION_TITLE_NODE,
  content: 'text*',
  marks: '',
  defining: true,

  addAttributes() {
    return {
      level: {
        default: 2,
        rendered: false,
        parseHTML: (element) => (element.tagName.toLowerCase() === 'h3' ? 3 : 2),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'h2[data-section-title]' }, { tag: 'h3[data-section-title]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [node.attrs.level === 3 ? 'h3' : 'h2', mergeAttributes(HTMLAttributes, { 'data-section-title': '' }), 0];
  },
});
