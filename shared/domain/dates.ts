/** Calendar dates (`YYYY-MM-DD`) and the day arithmetic the rules need, in UTC. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The calendar date of an instant, in UTC. */
export const dateOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return dateOf(at);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instant a date starts, plus `hours`. */
export const startOfDayPlus = (date: string, hours = 0): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) + hours * 3_600_000);

/** The month (`YYYY-MM`) of a date. */
export const monthOf = (date: string): string => date.slice(0, 7);

// Built on first use: creating a formatter with a time zone loads the zone data, which would
// cost every function's cold start about as much as its DynamoDB client.
let london: Intl.DateTimeFormat | undefined;
const londonFormat = (): Intl.DateTimeFormat =>
  (london ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }));

/**
 * The calendar date in England at an instant: what staff mean by "today" and by the date of an
 * appointment (00:30 in British Summer Time is already the next day there, not in UTC).
 */
export const londonDate = (at: Date): string => londonFormat().format(at);

let londonHour: Intl.DateTimeFormat | undefined;
/**
 * The instant (ISO) at which it is `hour`:00 on `date` in England, GMT or BST alike: when a
 * notice "at 9am" is due. England's clocks change at 01:00 UTC, never at the hours asked here.
 */
export function londonDayStart(date: string, hour = 0): string {
  londonHour ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: 'numeric',
    hourCycle: 'h23',
  });
  const guess = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
  const offset = (Number(londonHour.format(new Date(guess))) - hour + 24) % 24;
  return new Date(guess - offset * 3_600_000).toISOString();
}

let long: Intl.DateTimeFormat | undefined;
/** A date as staff read it, "3 December 2026". */
export function longDate(date: string): string {
  long ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return long.format(new Date(`${date}T00:00:00Z`));
}
