const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * When a comment was written, as people say it: "just now", "5 min ago", "3 h ago", then the date
 * ("12 Mar", with the year when it is not this year's). `locale` is for tests; pages use the browser's.
 */
export function formatCommentTime(iso: string, now: Date, locale?: string): string {
  const time = new Date(iso);
  const ago = now.getTime() - time.getTime();
  if (Number.isNaN(ago)) return '';
  if (ago < minute) return 'just now';
  if (ago < hour) return `${Math.floor(ago / minute)} min ago`;
  if (ago < day) return `${Math.floor(ago / hour)} h ago`;
  const sameYear = time.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(time);
}
