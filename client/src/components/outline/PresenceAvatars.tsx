import { contrastingTextColor } from '../../lib/contrastingTextColor.ts';
import { initials } from './presence.ts';
import type { PresentPerson } from './presence.ts';

/** How many avatars a row shows before "+n". */
const maxShown = 4;

/** Coloured initials of the people in a section now; their names are in each avatar's title. */
export function PresenceAvatars({ people }: { people: readonly PresentPerson[] }) {
  if (people.length === 0) return null;
  const shown = people.slice(0, maxShown);
  const hidden = people.slice(maxShown);
  return (
    <span className="avatars">
      <span className="visually-hidden">Here now: {people.map((person) => person.name).join(', ')}.</span>
      {shown.map((person) => (
        <span
          key={`${person.name}\n${person.color}`}
          className="avatar"
          data-testid="presence-avatar"
          title={person.name}
          aria-hidden="true"
          style={{ backgroundColor: person.color, color: contrastingTextColor(person.color) }}
        >
          {initials(person.name)}
        </span>
      ))}
      {hidden.length > 0 && (
        <span className="avatar avatar--more" title={hidden.map((person) => person.name).join(', ')} aria-hidden="true">
          +{hidden.length}
        </span>
      )}
    </span>
  );
}
