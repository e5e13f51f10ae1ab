import { describe, expect, it } from 'vitest';
import { isCommentShortcut, isTextEntry } from './commentShortcut.ts';

const press = (fields: Partial<Parameters<typeof isCommentShortcut>[0]>) =>
  isCommentShortcut({ key: 'm', code: 'KeyM', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...fields });
const element = (fields: { tagName: string; type?: string; isContentEditable?: boolean }) => fields as unknown as EventTarget;

describe('the comment shortcut', () => {
  it('is Ctrl+Alt+M, or ⌘+Alt+M', () => {
    expect(press({ ctrlKey: true, altKey: true })).toBe(true);
    expect(press({ key: 'M', ctrlKey: true, altKey: true })).toBe(true);
    expect(press({ metaKey: true, altKey: true })).toBe(true);
  });

  it('is not M with fewer or other modifiers, nor another key', () => {
    expect(press({})).toBe(false);
    expect(press({ ctrlKey: true })).toBe(false);
    expect(press({ altKey: true })).toBe(false);
    expect(press({ ctrlKey: true, altKey: true, shiftKey: true })).toBe(false);
    expect(press({ key: 'n', code: 'KeyN', ctrlKey: true, altKey: true })).toBe(false);
  });

  it('counts the M key with ⌘⌥ on a Mac, where it types µ, but not AltGr+M (Ctrl+Alt) on Windows', () => {
    expect(press({ key: 'µ', metaKey: true, altKey: true })).toBe(true);
    expect(press({ key: 'µ', ctrlKey: true, altKey: true })).toBe(false);
  });
});

describe('where the shortcut is left alone', () => {
  it('in text fields, lists and editable content', () => {
    expect(isTextEntry(element({ tagName: 'TEXTAREA' }))).toBe(true);
    expect(isTextEntry(element({ tagName: 'INPUT', type: 'text' }))).toBe(true);
    expect(isTextEntry(element({ tagName: 'INPUT', type: 'search' }))).toBe(true);
    expect(isTextEntry(element({ tagName: 'SELECT' }))).toBe(true);
    expect(isTextEntry(element({ tagName: 'DIV', isContentEditable: true }))).toBe(true);
  });

  it('not on the page, buttons, or a radio button (a member who just chose "Suggesting")', () => {
    expect(isTextEntry(element({ tagName: 'BODY', isContentEditable: false }))).toBe(false);
    expect(isTextEntry(element({ tagName: 'BUTTON' }))).toBe(false);
    expect(isTextEntry(element({ tagName: 'INPUT', type: 'radio' }))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
