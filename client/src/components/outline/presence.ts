/** Someone whose cursor is in a section now, as the outline shows them. */
export interface PresentPerson {
  name: string;
  /** `#rrggbb` */
  color: string;
}

/** One remote cursor: whose (their awareness `user` field, unchecked) and in which section. */
export interface CursorInSection {
  clientId: number;
  user: unknown;
  sectionKey: string;
}

const hexColor = /^#[0-9a-f]{6}$/i;

// Awareness comes from other clients: anything may be in it.
function personOf(user: unknown): PresentPerson {
  const { name, color } = (typeof user === 'object' && user !== null ? user : {}) as Record<string, unknown>;
  return {
    name: typeof name === 'string' && name.trim() !== '' ? name.trim() : 'Someone',
    color: typeof color === 'string' && hexColor.test(color) ? color : '#868e96',
  };
}

/**
 * The people in each section, by section key, sorted by name. Someone with two tabs open in the
 * same section is shown once (same name and colour).
 */
export function groupPresence(cursors: readonly CursorInSection[]): Map<string, PresentPerson[]> {
  const bySection = new Map<string, Map<string, PresentPerson>>();
  for (const { user, sectionKey } of cursors) {
    const person = personOf(user);
    const people = bySection.get(sectionKey) ?? new Map<string, PresentPerson>();
    people.set(`${person.name}\n${person.color}`, person);
    bySection.set(sectionKey, people);
  }
  return new Map(
    [...bySection].map(([key, people]) => [key, [...people.values()].sort((a, b) => a.name.localeCompare(b.name))]),
  );
}

/**
 * Up to two letters for an avatar: the first letter of the first and last words ("Amina Diallo"
 * gives "AD"), or one for a single word; whole characters, so names in any script work.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return '?';
  const letter = (word: string) => (Array.from(word)[0] ?? '').toLocaleUpperCase();
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return letter(first) + (last ? letter(last) : '');
}
