import { daysBetween } from '../domain/dates.ts';
import { median, type Outcome, outcomeOf, type ReportCase, rateOf } from './cohort.ts';
import { type PublishedCount, suppressCounts } from './suppression.ts';

export interface ReportScope {
  windowDays: number;
  /** Today's date: decides which windows are still open. */
  today: string;
  months: readonly string[];
  /** The areas the report covers, in display order. */
  areaIds: readonly string[];
  /** Add a partnership-wide row per month (`areaId: null`) over the covered areas. */
  withTotals: boolean;
  /** Hide counts 1–4 and the rates they enter (chair and analyst, when the partnership says so). */
  suppress: boolean;
}

export interface ContinuityRow {
  month: string;
  areaId: string | null;
  cohort: PublishedCount;
  engaged: PublishedCount;
  pending: PublishedCount;
  exits: PublishedCount;
  rate: number | null;
  adjustedRate: number | null;
}

interface Tally {
  cohort: number;
  engaged: number;
  pending: number;
  exits: number;
}

function tally(cases: readonly ReportCase[], windowDays: number, today: string): Tally {
  const outcomes: Outcome[] = cases.map((c) => outcomeOf(c, windowDays, today));
  const count = (outcome: Outcome) => outcomes.filter((o) => o === outcome).length;
  return { cohort: cases.length, engaged: count('engaged'), pending: count('pending'), exits: count('exit') };
}

function publish(month: string, areaId: string | null, counts: Tally, suppress: boolean): ContinuityRow {
  const decided = counts.cohort - counts.pending;
  return {
    month,
    areaId,
    ...suppressCounts<keyof Tally, 'rate' | 'adjustedRate'>(
      counts,
      {
        rate: { value: rateOf(counts.engaged, decided), from: ['engaged', 'cohort', 'pending'] },
        adjustedRate: {
          value: rateOf(counts.engaged, decided - counts.exits),
          from: ['engaged', 'cohort', 'pending', 'exits'],
        },
      },
      suppress,
    ),
  };
}

/**
 * The continuity-of-care rate per release month and area (API.md): the cohort is the
 * continuity-of-care referrals released in the month; pending cases leave the denominator until
 * their window closes; exits are shown so the board sees the plain and the adjusted rate.
 */
export function continuityRows(cases: readonly ReportCase[], scope: ReportScope): ContinuityRow[] {
  const cohort = cases.filter((c) => c.pathway === 'continuity_of_care' && c.releasedOn);
  const rows: ContinuityRow[] = [];
  for (const month of scope.months) {
    const ofMonth = cohort.filter((c) => (c.releasedOn as string).startsWith(month));
    for (const areaId of scope.areaIds) {
      rows.push(
        publish(
          month,
          areaId,
          tally(
            ofMonth.filter((c) => c.areaId === areaId),
            scope.windowDays,
            scope.today,
          ),
          scope.suppress,
        ),
      );
    }
    if (scope.withTotals) {
      const covered = ofMonth.filter((c) => scope.areaIds.includes(c.areaId));
      rows.push(publish(month, null, tally(covered, scope.windowDays, scope.today), scope.suppress));
    }
  }
  return rows;
}

export interface TimeToEngagement {
  /** Cases whose window has closed: the denominator of the curve. */
  decided: PublishedCount;
  /** Cumulative share engaged by each day after release (day 0 = the release date). */
  curve: { day: number; engaged: PublishedCount; share: number | null }[];
  medianDaysToFirstAppointment: number | null;
  medianDaysToTreatmentStart: number | null;
}

/**
 * How fast the cohort engages: the cumulative share with a treatment start by day 0..maxDay, over
 * the cases whose window has closed, and the median days to first appointment and to treatment.
 */
export function timeToEngagement(
  cases: readonly ReportCase[],
  scope: Pick<ReportScope, 'windowDays' | 'today' | 'suppress'>,
  maxDay = 28,
): TimeToEngagement {
  const cohort = cases.filter((c) => c.pathway === 'continuity_of_care' && c.releasedOn);
  const decided = cohort.filter((c) => outcomeOf(c, scope.windowDays, scope.today) !== 'pending');
  const daysToStart = decided
    .filter((c) => c.engagedOn)
    .map((c) => daysBetween(c.releasedOn as string, c.engagedOn as string));
  const curve = Array.from({ length: maxDay + 1 }, (_, day) => {
    const engaged = daysToStart.filter((days) => days >= 0 && days <= day).length;
    const published = suppressCounts(
      { engaged, decided: decided.length },
      { share: { value: rateOf(engaged, decided.length), from: ['engaged', 'decided'] } },
      scope.suppress,
    );
    return { day, engaged: published.engaged, share: published.share };
  });
  const firstAppointments = cohort
    .filter((c) => c.firstAppointmentAt)
    .map((c) => daysBetween(c.releasedOn as string, (c.firstAppointmentAt as string).slice(0, 10)))
    .filter((days) => days >= 0);
  const starts = cohort
    .filter((c) => c.engagedOn)
    .map((c) => daysBetween(c.releasedOn as string, c.engagedOn as string));
  const small = (values: number[]) => scope.suppress && values.length >= 1 && values.length <= 4;
  return {
    decided: suppressCounts({ decided: decided.length }, {}, scope.suppress).decided,
    curve,
    medianDaysToFirstAppointment: small(firstAppointments) ? null : median(firstAppointments),
    medianDaysToTreatmentStart: small(starts) ? null : median(starts),
  };
}

export interface EstablishmentRow {
  establishment: string;
  cohort: PublishedCount;
  engaged: PublishedCount;
  pending: PublishedCount;
  exits: PublishedCount;
  rate: number | null;
}

/** The rate by releasing establishment (prison), largest cohort first. */
export function byEstablishment(
  cases: readonly ReportCase[],
  scope: Pick<ReportScope, 'windowDays' | 'today' | 'suppress'>,
): EstablishmentRow[] {
  const cohort = cases.filter((c) => c.pathway === 'continuity_of_care' && c.releasedOn);
  const groups = new Map<string, ReportCase[]>();
  for (const c of cohort) {
    const key = c.establishment ?? 'Not recorded';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([establishment, group]) => {
      const counts = tally(group, scope.windowDays, scope.today);
      return {
        establishment,
        ...suppressCounts<keyof Tally, 'rate'>(
          counts,
          {
            rate: {
              value: rateOf(counts.engaged, counts.cohort - counts.pending),
              from: ['engaged', 'cohort', 'pending'],
            },
          },
          scope.suppress,
        ),
      };
    });
}

export interface PathwayRow {
  pathway: ReportCase['pathway'];
  referrals: PublishedCount;
  engaged: PublishedCount;
  /** DIVERT and arrest referral: no further offence within six months of referral. */
  reoffending?: {
    decided: PublishedCount;
    withoutFurtherOffence: PublishedCount;
    pending: PublishedCount;
    share: number | null;
  };
}

const REOFFENDING_PATHWAYS = ['divert', 'arrest_referral'];
const SIX_MONTHS_DAYS = 183;

/** Counts and outcomes of the other pathways: referrals, engaged, and the six-month reoffending measure. */
export function pathwayOutcomes(
  cases: readonly ReportCase[],
  scope: Pick<ReportScope, 'today' | 'suppress'>,
): PathwayRow[] {
  const pathways = [
    ...new Set(cases.filter((c) => c.pathway !== 'continuity_of_care').map((c) => c.pathway)),
  ].sort();
  return pathways.map((pathway) => {
    const group = cases.filter((c) => c.pathway === pathway);
    const base = suppressCounts(
      { referrals: group.length, engaged: group.filter((c) => c.engagedOn).length },
      {},
      scope.suppress,
    );
    if (!REOFFENDING_PATHWAYS.includes(pathway)) return { pathway, ...base };
    const sixMonthsOn = (c: ReportCase) => daysBetween(c.referredOn, scope.today) >= SIX_MONTHS_DAYS;
    const offendedWithin = (c: ReportCase) =>
      c.offences.some((offence) => {
        const days = daysBetween(c.referredOn, offence.offendedOn);
        return days >= 0 && days < SIX_MONTHS_DAYS;
      });
    // A case younger than six months is pending, unless it has already reoffended.
    const decided = group.filter((c) => sixMonthsOn(c) || offendedWithin(c));
    const without = decided.filter((c) => !offendedWithin(c)).length;
    const counts = {
      decided: decided.length,
      withoutFurtherOffence: without,
      pending: group.length - decided.length,
    };
    return {
      pathway,
      ...base,
      reoffending: suppressCounts<keyof typeof counts, 'share'>(
        counts,
        { share: { value: rateOf(without, decided.length), from: ['decided', 'withoutFurtherOffence'] } },
        scope.suppress,
      ),
    };
  });
}
