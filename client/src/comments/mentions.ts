/** Someone who can be mentioned: a person of the workshop. */
export interface MentionCandidate {
  id: string;
  displayName: string;
}

/** An "@…" being typed: where its "@" is and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** Longest "@…" the picker still follows (names have spaces, so it cannot stop at the first). */
const maxQueryLength = 40;

/** The mention being typed just before the caret, or null. An "@" inside a word (an e-mail) is not one. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || caret - at - 1 > maxQueryLength) return null;
  if (at > 0 && !/[\s([{"'“]/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.includes('\n') || query.startsWith(' ')) return null;
  return { start: at, query };
}

/** The people whose name (or one of its words) starts with what was typed, by name; all for "". */
export function matchPeople<T extends MentionCandidate>(people: readonly T[], query: string, limit = 8): T[] {
  const q = query.toLocaleLowerCase();
  return people
    .filter((p) => {
      const name = p.displayName.toLocaleLowerCase();
      return name.startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q));
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, limit);
}

/** The text with the query replaced by "@Name ", and where the caret goes after it. */
export function insertMention(text: string, query: MentionQuery, caret: number, displayName: string): { text: string; caret: number } {
  const mention = `@${displayName} `;
  return { text: text.slice(0, query.start) + mention + text.slice(caret), caret: query.start + mention.length };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "@Ana" must not count inside "@Anabel": a name ends where no letter or digit follows. */
const mentionPattern = (names: readonly string[]) =>
  new RegExp(`@(?:${[...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');

/** The ids of the people an "@Name" in `body` refers to, in the order of `people`. */
export function mentionedIds(body: string, people: readonly MentionCandidate[]): string[] {
  return people.filter((p) => p.displayName !== '' && mentionPattern([p.displayName]).test(body)).map((p) => p.id);
}

/** `body` cut into plain text and "@Name" mentions of `names`, for showing mentions highlighted. */
export function splitMentions(body: string, names: readonly string[]): { text: string; mention: boolean }[] {
  const usable = names.filter((n) => n !== '');
  if (usable.length === 0) return body === '' ? [] : [{ text: body, mention: false }];
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const match of body.matchAll(mentionPattern(usable))) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index), mention: false });
    parts.push({ text: match[0], mention: true });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}
