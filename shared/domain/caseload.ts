import { addDays, dateOf } from './dates.ts';

export type DueFilter = 'overdue' | 'today' | 'week';

/** A date's digits each taken from 9, so that ascending order of the result is descending order of dates. */
const descending = (date: string): string => date.replace(/\d/g, (digit) => String(9 - Number(digit)));

/**
 * The caseload index's sort key, so that one ascending query gives caseload order: cases with a
 * next action first, by when it falls due (the longest overdue first), then the rest by most
 * recent key date (release, expected release or referral; closing for closed cases).
 */
export const caseloadOrderKey = (nextActionAt: string | undefined, keyDate: string): string =>
  nextActionAt ? `A${nextActionAt}` : `B${descending(keyDate)}`;

/** The caseload order keys of the cases whose next action falls due up to `until` (ISO), for `due=`. */
export const dueUpToKey = (until: string): string => `A${until}\uffff`;

/** The end of the caseload's `due` window: now, the end of today, or the end of the seventh day. */
export function dueWindowEnd(filter: DueFilter, now: Date): string {
  if (filter === 'overdue') return now.toISOString();
  const last = filter === 'today' ? dateOf(now) : addDays(dateOf(now), 7);
  return `${last}T23:59:59.999Z`;
}
