import type { KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { formatShortcut } from '../lib/keyboardShortcuts.ts';
import { toolbarGroups } from './toolbarGroups.ts';

/** Arrow keys, Home and End move between buttons, as in any ARIA toolbar (one tab stop). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const moves: Record<string, (index: number, count: number) => number> = {
    ArrowRight: (i, n) => (i + 1) % n,
    ArrowLeft: (i, n) => (i - 1 + n) % n,
    Home: () => 0,
    End: (_i, n) => n - 1,
  };
  const move = moves[event.key];
  if (!move) return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'));
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1) return;
  event.preventDefault();
  buttons[move(index, buttons.length)]?.focus();
}

/** Formatting, table and history buttons for the editor. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const states = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      Object.fromEntries(
        toolbarGroups.flatMap((group) =>
          group.items.map((item) => [item.id, { active: item.isActive?.(current) ?? null, enabled: item.isEnabled(current) }]),
        ),
      ) as Record<string, { active: boolean | null; enabled: boolean }>,
  });

  // The first usable button is the toolbar's single tab stop; arrow keys reach the rest.
  const tabStop = toolbarGroups.flatMap((group) => group.items).find((item) => states[item.id]?.enabled)?.id;
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" aria-controls="document-body" onKeyDown={moveFocus}>
      {toolbarGroups.map((group) => (
        <div key={group.label} className="toolbar__group" role="group" aria-label={group.label}>
          {group.items.map((item) => {
            const state = states[item.id];
            const enabled = state?.enabled ?? false;
            return (
              <button
                key={item.id}
                type="button"
                className="toolbar__button"
                data-action={item.id}
                aria-label={item.label}
                aria-pressed={state?.active ?? undefined}
                title={item.shortcut ? `${item.label} (${formatShortcut(item.shortcut)})` : item.label}
                tabIndex={item.id === tabStop ? 0 : -1}
                disabled={!enabled}
                // Keep the editor's selection: a button click must not move focus out first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => item.run(editor)}
              >
                {item.text}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
