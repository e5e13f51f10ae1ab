import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../lib/apiClient.ts';
import { maxDisplayNameLength, normalizeDisplayName } from '../lib/displayName.ts';
import { roleLabels } from '../lib/roleLabels.ts';
import { useSession, useSignedIn } from '../hooks/useSession.ts';

/** The colour picker sends one change per pause rather than one per pixel dragged (ms). */
const colorSaveDelayMs = 400;

/**
 * The signed-in person in the header: their caret colour and name (both editable in place, saved
 * to their account), their role, and "Sign out".
 */
export function AccountMenu() {
  const { person } = useSignedIn();
  const { updateMe, signOut } = useSession();
  // While editing, the fields show what was typed or picked; otherwise the saved values.
  const [draftName, setDraftName] = useState<string | null>(null);
  const [draftColor, setDraftColor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);
  const colorTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(colorTimer.current), []);

  async function save(patch: { displayName?: string; color?: string }): Promise<void> {
    setError(null);
    try {
      await updateMe(patch);
    } catch (caught) {
      setError(`Not saved: ${errorMessage(caught)}`);
    }
  }

  async function commitName(typed: string) {
    const displayName = normalizeDisplayName(typed);
    if (displayName && displayName !== person.displayName) await save({ displayName });
    setDraftName((current) => (current === typed ? null : current));
  }

  function pickColor(color: string) {
    setDraftColor(color);
    clearTimeout(colorTimer.current);
    colorTimer.current = setTimeout(() => {
      void save({ color }).then(() => setDraftColor((current) => (current === color ? null : current)));
    }, colorSaveDelayMs);
  }

  return (
    <div className="account" role="group" aria-label="Your account">
      <label className="account__color">
        <span className="visually-hidden">Your colour</span>
        <input type="color" value={draftColor ?? person.color} onChange={(event) => pickColor(event.target.value)} />
      </label>
      <label className="account__name">
        <span className="visually-hidden">Your name</span>
        <input
          type="text"
          value={draftName ?? person.displayName}
          maxLength={maxDisplayNameLength}
          autoComplete="name"
          spellCheck={false}
          title="Your name, shown to others on your cursor"
          onFocus={() => {
            cancelled.current = false;
            setDraftName(person.displayName);
          }}
          onChange={(event) => setDraftName(event.target.value)}
          onBlur={(event) => {
            if (cancelled.current) setDraftName(null);
            else void commitName(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancelled.current = true;
            if (event.key === 'Enter' || event.key === 'Escape') event.currentTarget.blur();
          }}
        />
      </label>
      <span className="account__role">{roleLabels[person.role]}</span>
      <button type="button" className="button button--quiet" onClick={() => void signOut().catch((caught: unknown) => setError(errorMessage(caught)))}>
        Sign out
      </button>
      {error && (
        <p className="account__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
