import { describe, expect, it } from 'vitest';
import { ariaKeyShortcut, formatShortcut } from './keyboardShortcuts.ts';

describe('keyboard shortcuts as each platform writes them', () => {
  it('shows Mod as Ctrl, keys joined by +, except on Apple devices', () => {
    expect(formatShortcut('Mod-Shift-Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Mod-Alt-M', true)).toBe('⌘⌥M');
  });

  it('names the keys for aria-keyshortcuts', () => {
    expect(ariaKeyShortcut('Mod-Alt-M', false)).toBe('Control+Alt+M');
    expect(ariaKeyShortcut('Mod-Alt-M', true)).toBe('Meta+Alt+M');
    expect(ariaKeyShortcut('Mod-Shift-Z', false)).toBe('Control+Shift+Z');
  });
});
