import { contrastingTextColor } from '../lib/contrastingTextColor.ts';

const hexColor = /^#[0-9a-f]{6}$/i;

/**
 * Another person's caret: a coloured bar with their name above it. Same classes as Tiptap's
 * default (`collaboration-carets__caret`, `__label`), with label text that stays readable on any
 * colour the person picked. Names come from other clients, so they are set as text, never HTML.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && hexColor.test(user.color) ? user.color : '#868e96';
  const name = typeof user.name === 'string' && user.name.trim() ? user.name : 'Someone';

  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;

  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = contrastingTextColor(color);
  label.textContent = name;

  caret.append(label);
  return caret;
}
