import { daysBetween } from '../domain/dates.ts';
import type { Referral } from '../schemas/referral.ts';

/** A referral as the reports read it. */
export type ReportCase = Pick<
  Referral,
  | 'id'
  | 'areaId'
  | 'pathway'
  | 'referredOn'
  | 'releasedOn'
  | 'engagedOn'
  | 'closedOn'
  | 'closeReason'
  | 'firstAppointmentAt'
  | 'establishment'
  | 'offences'
  | 'programmes'
  | 'custodySuiteId'
  | 'order'
> & {
  /** Drug testing on arrest: the day a required assessment was first attended. */
  assessedOn?: string;
};

/** Close reasons that end a case before engagement through no failure of the service. */
export const EXIT_REASONS: readonly string[] = ['died', 'returned_to_custody', 'moved_away'];

export type Outcome = 'engaged' | 'pending' | 'exit' | 'not_engaged';

/**
 * Where a released case stands for the continuity-of-care measure (DESIGN.md §3, API.md):
 * engaged when treatment started within `windowDays` of release (day 0 is the release date);
 * pending while its window is open and it is neither engaged nor closed; an exit when it closed
 * as died, returned to custody or moved away within the window without engaging.
 */
export function outcomeOf(c: ReportCase, windowDays: number, today: string): Outcome {
  const releasedOn = c.releasedOn as string;
  if (c.engagedOn) {
    const days = daysBetween(releasedOn, c.engagedOn);
    if (days >= 0 && days <= windowDays) return 'engaged';
  }
  if (
    c.closedOn &&
    c.closeReason &&
    EXIT_REASONS.includes(c.closeReason) &&
    daysBetween(releasedOn, c.closedOn) <= windowDays
  ) {
    if (!c.engagedOn || c.engagedOn > c.closedOn) return 'exit';
  }
  if (!c.engagedOn && !c.closedOn && daysBetween(releasedOn, today) <= windowDays) return 'pending';
  return 'not_engaged';
}

/** A rate rounded to 4 places, or null when there is nothing to divide by. */
export const rateOf = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;

/** The months from `from` to `to` inclusive (`YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The median of a list of numbers, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
