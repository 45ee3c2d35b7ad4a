/** Dates and times as GOV.UK writes them ("14 March 2026", "14 March 2026 at 10:30am"), in UK time. */

const ZONE = 'Europe/London';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: ZONE,
});
// A calendar date has no time zone: it is shown as written, whatever the viewer's zone.
const calendarFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: ZONE,
});

/** A calendar date (`2026-03-14`) or an instant as its UK date: "14 March 2026". */
export function formatDate(value: string): string {
  if (DATE_ONLY.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : calendarFormat.format(date);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** A calendar date without its year, for dates close to today: "18 December". */
export function formatDayMonth(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  return DATE_ONLY.test(value) && !Number.isNaN(date.getTime())
    ? dayMonthFormat.format(date)
    : formatDate(value);
}

/** The UK clock time of an instant, GOV.UK style: "10:30am", "2pm", "midday", "midnight". */
export function formatTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = timeFormat.formatToParts(date);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '00';
  if (minute === '00' && hour === 12) return 'midday';
  if (minute === '00' && hour === 0) return 'midnight';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}${minute === '00' ? '' : `:${minute}`}${hour < 12 ? 'am' : 'pm'}`;
}

/** An instant as its UK date and time: "14 March 2026 at 10:30am". */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${dateFormat.format(date)} at ${formatTime(date)}`;
}

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/**
 * Rewrites the ISO dates and times inside a sentence from the API (a timeline summary, a
 * conflict message) as people read them, so no raw ISO reaches the page.
 */
export function readableDates(text: string): string {
  return text
    .replace(ISO_INSTANT, (match) => formatDateTime(match))
    .replace(ISO_DATE, (match) => formatDate(match));
}

/** Today's date in the UK, `YYYY-MM-DD`. */
export function todayInLondon(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: ZONE,
  }).formatToParts(now);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
