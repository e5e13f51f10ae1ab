/**
 * Dates are calendar days (`YYYY-MM-DD`) with no time zone; they are formatted in UTC so that no
 * reader's zone moves them by a day. English, the workshops' working language, day before month.
 */
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function toDate(day: string): Date | null {
  const date = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) ? date : null;
}

/** "21–25 October 2024", "30 September – 2 October 2024", or a single day; unknown input as is. */
export function formatDateRange(startsOn: string, endsOn: string): string {
  const start = toDate(startsOn);
  const end = toDate(endsOn);
  if (!start || !end) return startsOn === endsOn ? startsOn : `${startsOn} – ${endsOn}`;
  return dayFormat.formatRange(start, end);
}
