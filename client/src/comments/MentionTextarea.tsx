import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { AuthorAvatar } from './AuthorAvatar.tsx';
import { insertMention, matchPeople, mentionQueryAt } from './mentions.ts';
import type { MentionCandidate } from './mentions.ts';

export interface MentionTextareaProps {
  /** The accessible name, e.g. "Comment" or "Reply". */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Who "@" offers; none turns the picker off. */
  people: readonly (MentionCandidate & { color: string })[];
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

/** A textarea where typing "@" opens a list of people to mention (arrows, Enter or Tab, Escape). */
export function MentionTextarea({ label, value, onChange, people, onSubmit, placeholder, autoFocus, disabled }: MentionTextareaProps) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(value.length);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const query = mentionQueryAt(value, caret);
  const matches = query && query.start !== dismissedAt ? matchPeople(people, query.query) : [];
  const open = matches.length > 0;
  const activeIndex = Math.min(active, Math.max(matches.length - 1, 0));

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !ref.current) return;
    ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const choose = (person: MentionCandidate) => {
    if (!query) return;
    const next = insertMention(value, query, caret, person.displayName);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    onChange(next.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((activeIndex + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      event.preventDefault();
      choose(matches[activeIndex]!);
    } else if (open && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(query?.start ?? null);
    } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      onSubmit?.();
    }
  };

  return (
    <div className="mention-input">
      <textarea
        ref={ref}
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-expanded={open}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
        className="mention-input__textarea"
        value={value}
        placeholder={placeholder}
        rows={2}
        autoFocus={autoFocus}
        disabled={disabled}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="mention-picker" role="listbox" id={listId} aria-label="People to mention" data-testid="mention-picker">
          {matches.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="mention-picker__option"
              // Before the textarea loses focus, so the caret is still where the "@" is.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
            >
              <AuthorAvatar name={person.displayName} color={person.color} />
              {person.displayName}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
