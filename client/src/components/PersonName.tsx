import type { PersonDto } from '@lcs/shared';

/** A person's name with their caret colour beside it, as others see them in the editor. */
export function PersonName({ person }: { person: Pick<PersonDto, 'displayName' | 'color'> }) {
  return (
    <span className="person-name">
      <span className="person-name__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
      {person.displayName}
    </span>
  );
}
