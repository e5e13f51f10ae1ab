/**
 * The local identity shown on this person's caret: a name and a colour, chosen once and kept in
 * localStorage. Real accounts replace it later; until then anyone can rename themselves.
 */
export interface Identity {
  name: string;
  /** `#rrggbb`: the only form the collaboration caret accepts. */
  color: string;
}

/** localStorage key of the identity. */
export const identityStorageKey = 'lcs-identity';
/** Longest name shown on a caret, in characters. */
export const maxNameLength = 40;

/** Distinct, saturated colours that stay readable under white or dark label text. */
export const identityColors = ['#d9480f', '#c2255c', '#862e9c', '#5f3dc4', '#1971c2', '#0c8599', '#2b8a3e', '#e67700'] as const;

const adjectives = ['Curious', 'Patient', 'Bright', 'Careful', 'Bold', 'Gentle', 'Keen', 'Quiet'] as const;
const animals = ['Heron', 'Otter', 'Fox', 'Lynx', 'Owl', 'Badger', 'Wren', 'Marten'] as const;

const hexColor = /^#[0-9a-f]{6}$/i;

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length) % items.length] as T;
}

/** A fresh, friendly identity such as "Curious Heron" with a colour from the palette. */
export function createIdentity(random: () => number = Math.random): Identity {
  return { name: `${pick(adjectives, random)} ${pick(animals, random)}`, color: pick(identityColors, random) };
}

/** Trims and collapses whitespace and caps the length; an empty result means "no name". */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, maxNameLength);
}

/** Reads a stored identity, or null if there is none or it is not one we wrote. */
export function parseIdentity(raw: string | null): Identity | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { name, color } = value as Record<string, unknown>;
    if (typeof name !== 'string' || typeof color !== 'string' || !hexColor.test(color)) return null;
    const normalized = normalizeName(name);
    return normalized ? { name: normalized, color: color.toLowerCase() } : null;
  } catch {
    return null;
  }
}

type IdentityStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The stored identity, or a new one which is stored so it stays the same on the next visit. */
export function loadIdentity(storage: IdentityStorage | null, random: () => number = Math.random): Identity {
  const stored = parseIdentity(storage?.getItem(identityStorageKey) ?? null);
  if (stored) return stored;
  const identity = createIdentity(random);
  saveIdentity(storage, identity);
  return identity;
}

export function saveIdentity(storage: IdentityStorage | null, identity: Identity): void {
  try {
    storage?.setItem(identityStorageKey, JSON.stringify(identity));
  } catch {
    // Storage full or disabled: the identity still works for this visit.
  }
}
