import { addDays, dateOf } from './dates.ts';

export type DueFilter = 'overdue' | 'today' | 'week';

/** Whether a case's next due check falls in the chosen window (`week`: the next 7 days). */
export function matchesDue(nextDueAt: string | undefined, filter: DueFilter, now: Date): boolean {
  if (!nextDueAt) return false;
  const nowIso = now.toISOString();
  if (filter === 'overdue') return nextDueAt <= nowIso;
  const today = dateOf(now);
  if (filter === 'today') return nextDueAt.slice(0, 10) <= today;
  return nextDueAt.slice(0, 10) <= addDays(today, 7);
}

interface CaseloadRow {
  nextDueAt?: string;
  releasedOn?: string;
  expectedReleaseOn?: string;
  referredOn: string;
  id: string;
}

/**
 * Caseload order: overdue cases first (longest overdue first), then cases by when their next
 * check falls due, then the rest by most recent release (or expected release, or referral).
 */
export function caseloadOrder(now: Date) {
  const nowIso = now.toISOString();
  const rank = (row: CaseloadRow) => (row.nextDueAt ? (row.nextDueAt <= nowIso ? 0 : 1) : 2);
  const keyDate = (row: CaseloadRow) => row.releasedOn ?? row.expectedReleaseOn ?? row.referredOn;
  return (a: CaseloadRow, b: CaseloadRow): number =>
    rank(a) - rank(b) ||
    (rank(a) < 2
      ? (a.nextDueAt as string).localeCompare(b.nextDueAt as string)
      : keyDate(b).localeCompare(keyDate(a))) ||
    a.id.localeCompare(b.id);
}

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
