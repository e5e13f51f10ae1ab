/**
 * Starts a comment on the selected text, or a suggested insertion at a point where the bubble
 * offers one: the bubble's first button, from the keyboard (Tiptap notation, for the tooltip).
 */
export const commentShortcut = 'Mod-Alt-M';

type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/**
 * Whether a key press is Mod+Alt+M (Ctrl or ⌘ on any platform). ⌥ turns M into "µ" on Apple
 * keyboards, so with ⌘ the M key counts whatever it types; not with Ctrl+Alt, which is how Windows
 * reports AltGr, whose M types a character of its own on some layouts.
 */
export function isCommentShortcut(event: KeyPress): boolean {
  if (!event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return false;
  return event.key.toLowerCase() === 'm' || (event.metaKey && event.code === 'KeyM');
}

/** Input types whose keys do not write into them. */
const notTyped = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'file', 'color', 'range']);

/**
 * Whether key presses on `target` go into it: a text field (a card's reply or comment box, the
 * section lead), a list, or editable content. The shortcut leaves those alone.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  const element = target as Partial<Pick<HTMLInputElement, 'tagName' | 'type' | 'isContentEditable'>> | null;
  if (typeof element?.tagName !== 'string') return false;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !notTyped.has((element.type ?? 'text').toLowerCase());
  return element.isContentEditable === true;
}
