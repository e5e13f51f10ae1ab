/** Whether this is an Apple device, where `Mod` is ⌘ rather than Ctrl. */
export const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** A shortcut in Tiptap notation ("Mod-Shift-Z", `Mod` = Ctrl or ⌘) as this platform writes it: "⌘⇧Z" or "Ctrl+Shift+Z". */
export function formatShortcut(shortcut: string, apple = isApple): string {
  const keys = shortcut.split('-');
  if (apple) return keys.map((key) => ({ Mod: '⌘', Shift: '⇧', Alt: '⌥' })[key] ?? key).join('');
  return keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
}

/** The same shortcut as `aria-keyshortcuts` spells it (key names of UI Events): "Meta+Alt+M" or "Control+Alt+M". */
export function ariaKeyShortcut(shortcut: string, apple = isApple): string {
  return shortcut
    .split('-')
    .map((key) => ({ Mod: apple ? 'Meta' : 'Control', Ctrl: 'Control' })[key] ?? key)
    .join('+');
}
