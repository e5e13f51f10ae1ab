import type { Editor } from '@tiptap/core';
import { promptForLink } from './promptForLink.ts';

/** One toolbar button. */
export interface ToolbarItem {
  /** Stable key; also the button's `data-action`. */
  id: string;
  /** Accessible name, e.g. "Bold". */
  label: string;
  /** What the button shows. */
  text: string;
  /** Keyboard shortcut in Tiptap notation (`Mod` = Ctrl or ⌘), for the tooltip. */
  shortcut?: string;
  /** For toggles: whether the selection already has this format (sets `aria-pressed`). */
  isActive?: (editor: Editor) => boolean;
  isEnabled: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

export interface ToolbarGroup {
  label: string;
  items: ToolbarItem[];
}

const heading = (level: 1 | 2 | 3): ToolbarItem => ({
  id: `heading-${level}`,
  label: `Heading ${level}`,
  text: `H${level}`,
  shortcut: `Mod-Alt-${level}`,
  isActive: (editor) => editor.isActive('heading', { level }),
  isEnabled: (editor) => editor.can().toggleHeading({ level }),
  run: (editor) => editor.chain().focus().toggleHeading({ level }).run(),
});

/** The formatting toolbar, in reading order. */
export const toolbarGroups: ToolbarGroup[] = [
  { label: 'Headings', items: [heading(1), heading(2), heading(3)] },
  {
    label: 'Text',
    items: [
      {
        id: 'bold',
        label: 'Bold',
        text: 'B',
        shortcut: 'Mod-B',
        isActive: (editor) => editor.isActive('bold'),
        isEnabled: (editor) => editor.can().toggleBold(),
        run: (editor) => editor.chain().focus().toggleBold().run(),
      },
      {
        id: 'italic',
        label: 'Italic',
        text: 'I',
        shortcut: 'Mod-I',
        isActive: (editor) => editor.isActive('italic'),
        isEnabled: (editor) => editor.can().toggleItalic(),
        run: (editor) => editor.chain().focus().toggleItalic().run(),
      },
      {
        id: 'link',
        label: 'Link',
        text: 'Link',
        isActive: (editor) => editor.isActive('link'),
        isEnabled: (editor) => editor.can().setMark('link'),
        run: promptForLink,
      },
    ],
  },
  {
    label: 'Lists',
    items: [
      {
        id: 'bullet-list',
        label: 'Bullet list',
        text: '• List',
        shortcut: 'Mod-Shift-8',
        isActive: (editor) => editor.isActive('bulletList'),
        isEnabled: (editor) => editor.can().toggleBulletList(),
        run: (editor) => editor.chain().focus().toggleBulletList().run(),
      },
      {
        id: 'ordered-list',
        label: 'Numbered list',
        text: '1. List',
        shortcut: 'Mod-Shift-7',
        isActive: (editor) => editor.isActive('orderedList'),
        isEnabled: (editor) => editor.can().toggleOrderedList(),
        run: (editor) => editor.chain().focus().toggleOrderedList().run(),
      },
    ],
  },
  {
    label: 'Table',
    items: [
      {
        id: 'insert-table',
        label: 'Insert table',
        text: 'Table',
        isEnabled: (editor) => editor.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
        run: (editor) => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      },
      {
        id: 'add-row',
        label: 'Add row',
        text: '+ Row',
        isEnabled: (editor) => editor.can().addRowAfter(),
        run: (editor) => editor.chain().focus().addRowAfter().run(),
      },
      {
        id: 'add-column',
        label: 'Add column',
        text: '+ Column',
        isEnabled: (editor) => editor.can().addColumnAfter(),
        run: (editor) => editor.chain().focus().addColumnAfter().run(),
      },
    ],
  },
  {
    label: 'History',
    items: [
      {
        id: 'undo',
        label: 'Undo',
        text: '↶',
        shortcut: 'Mod-Z',
        isEnabled: (editor) => editor.can().undo(),
        run: (editor) => editor.chain().focus().undo().run(),
      },
      {
        id: 'redo',
        label: 'Redo',
        text: '↷',
        shortcut: 'Mod-Shift-Z',
        isEnabled: (editor) => editor.can().redo(),
        run: (editor) => editor.chain().focus().redo().run(),
      },
    ],
  },
];
