import type { DueFilter } from '../../../shared/domain/caseload.ts';
import { addDays, dateOf } from '../../../shared/domain/dates.ts';

/**
 * The caseload's order and due windows written as plain comparisons: the specification the
 * caseload index's keys (shared/domain/caseload.ts `caseloadOrderKey`, `dueWindowEnd`) must
 * follow, which the tests hold them to.
 */

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
