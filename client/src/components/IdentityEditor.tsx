import { useState } from 'react';
import { maxNameLength } from '../lib/identity.ts';
import { useIdentity } from '../hooks/useIdentity.ts';

/** The name and colour other people see on this person's caret, editable in place. */
export function IdentityEditor() {
  const { identity, setIdentity } = useIdentity();
  // While the field has focus it shows exactly what is typed; the stored name is tidied.
  const [draft, setDraft] = useState<string | null>(null);

  return (
    <div className="identity" role="group" aria-label="Your identity">
      <label className="identity__color">
        <span className="visually-hidden">Your colour</span>
        <input type="color" value={identity.color} onChange={(event) => setIdentity({ ...identity, color: event.target.value })} />
      </label>
      <label className="identity__name">
        <span className="visually-hidden">Your name</span>
        <input
          type="text"
          value={draft ?? identity.name}
          maxLength={maxNameLength}
          autoComplete="name"
          spellCheck={false}
          title="Your name, shown to others on your cursor"
          onFocus={() => setDraft(identity.name)}
          onChange={(event) => {
            setDraft(event.target.value);
            setIdentity({ ...identity, name: event.target.value });
          }}
          onBlur={() => setDraft(null)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'Escape') event.currentTarget.blur();
          }}
        />
      </label>
    </div>
  );
}
