import type { PublishedCount } from '../../api/types.ts';

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

const firstOf = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** A report month (`2026-03`) as people read it: "March 2026". */
export function formatMonth(month: string): string {
  const date = firstOf(month);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

/** A report month's short name for a chart's axis: "Mar". */
export function shortMonth(month: string): string {
  const date = firstOf(month);
  return Number.isNaN(date.getTime()) ? month : shortMonthFormat.format(date);
}

/** A published count: the number with thousands separators, or "<5" as it is. */
export function formatCount(count: PublishedCount): string {
  return typeof count === 'number' ? count.toLocaleString('en-GB') : count;
}

/** A rate held as a fraction (0.7143) as a percentage to one decimal place ("71.4%"). */
export function formatRate(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`;
}

/** True when small-number suppression hides one of the counts a rate is built from. */
export const anyHidden = (...counts: PublishedCount[]): boolean => counts.some((count) => count === '<5');

/**
 * A rate as the tables show it: the percentage; "Withheld" when a hidden small count enters it;
 * otherwise why there is none (no releases, or everyone still inside their window).
 */
export function rateText(
  rate: number | null,
  inputs: readonly PublishedCount[],
  counts: { cohort: PublishedCount; pending: PublishedCount },
): string {
  if (rate !== null) return formatRate(rate);
  if (anyHidden(...inputs)) return 'Withheld';
  if (counts.cohort === 0) return 'No releases';
  return counts.pending === counts.cohort ? 'Not yet known' : 'No rate';
}

/** A number of days, which a median may leave halfway: "1 day", "2.5 days". */
export function formatDays(days: number): string {
  return `${Number(days.toFixed(1))} ${days === 1 ? 'day' : 'days'}`;
}

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months from `from` to `to`, counting both. */
export function monthSpan(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return toYear * 12 + toMonth - (fromYear * 12 + fromMonth) + 1;
}
