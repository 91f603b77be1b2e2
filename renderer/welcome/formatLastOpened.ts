/**
 * "Today, 14:05", "Yesterday, 09:12", or a date: enough to tell recent cases apart at a glance.
 * Locale and time zone are parameters so the wording is testable; the UI passes the user's.
 */
export function formatLastOpened(iso: string, now: Date, locale?: string, timeZone?: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return 'Unknown';
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayNumber = (d: Date) => Date.parse(day.format(d)) / 86_400_000;
  const daysAgo = Math.round(dayNumber(now) - dayNumber(when));
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(when);
  if (daysAgo === 0) return `Today, ${time}`;
  if (daysAgo === 1) return `Yesterday, ${time}`;
  const sameYear = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(sameYear.format(when) === sameYear.format(now) ? {} : { year: 'numeric' }),
  }).format(when);
}
