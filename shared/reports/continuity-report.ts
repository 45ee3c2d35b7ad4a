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

/** The six-month measure as published. */
type Reoffending = Record<'decided' | 'withoutFurtherOffence' | 'pending', PublishedCount> & {
  share: number | null;
};

export interface PathwayRow {
  pathway: ReportCase['pathway'];
  referrals: PublishedCount;
  engaged: PublishedCount;
  /** DIVERT and arrest referral: no further offence within six months of referral. */
  reoffending?: Reoffending;
  /** The same among those engaged. */
  reoffendingEngaged?: Reoffending;
  assessed?: PublishedCount;
  failedToAttend?: PublishedCount;
  completedProgramme?: PublishedCount;
  failedToEngage?: PublishedCount;
  reviewsToCome?: PublishedCount;
}

const REOFFENDING_PATHWAYS = ['divert', 'arrest_referral'];
const SIX_MONTHS_DAYS = 183;

/** The six-month measure over a group of cases: a case younger than six months is pending, unless it has already reoffended. */
function reoffendingOf(group: readonly ReportCase[], today: string, suppress: boolean): Reoffending {
  const sixMonthsOn = (c: ReportCase) => daysBetween(c.referredOn, today) >= SIX_MONTHS_DAYS;
  const offendedWithin = (c: ReportCase) =>
    c.offences.some((offence) => {
      const days = daysBetween(c.referredOn, offence.offendedOn);
      return days >= 0 && days < SIX_MONTHS_DAYS;
    });
  const decided = group.filter((c) => sixMonthsOn(c) || offendedWithin(c));
  const without = decided.filter((c) => !offendedWithin(c)).length;
  const counts = {
    decided: decided.length,
    withoutFurtherOffence: without,
    pending: group.length - decided.length,
  };
  return suppressCounts<keyof typeof counts, 'share'>(
    counts,
    { share: { value: rateOf(without, decided.length), from: ['decided', 'withoutFurtherOffence'] } },
    suppress,
  );
}

/** The counts only one pathway has, by pathway: each counts cases of the group. */
const OWN_MEASURES: Partial<Record<string, Record<string, (c: ReportCase, today: string) => boolean>>> = {
  drug_testing_on_arrest: {
    assessed: (c) => !!c.assessedOn,
    failedToAttend: (c) => c.closeReason === 'failed_to_attend',
  },
  divert: {
    completedProgramme: (c) => c.closeReason === 'completed_programme',
    failedToEngage: (c) => c.closeReason === 'failed_to_engage',
  },
};

/** Court review dates still to come on open DRR and ATR cases. */
const reviewsToCome = (group: readonly ReportCase[], today: string) =>
  group
    .filter((c) => !c.closedOn)
    .reduce((sum, c) => sum + (c.order?.reviewDates ?? []).filter((date) => date >= today).length, 0);

/**
 * Counts and outcomes of the pathways other than continuity of care: referrals, engaged (DIVERT:
 * attended a session, which records the engagement), each pathway's own measures, and the
 * six-month reoffending measure among everyone referred and among those engaged.
 */
export function pathwayOutcomes(
  cases: readonly ReportCase[],
  scope: Pick<ReportScope, 'today' | 'suppress'>,
): PathwayRow[] {
  const pathways = [
    ...new Set(cases.filter((c) => c.pathway !== 'continuity_of_care').map((c) => c.pathway)),
  ].sort();
  return pathways.map((pathway) => {
    const group = cases.filter((c) => c.pathway === pathway);
    const engaged = group.filter((c) => c.engagedOn);
    const own = Object.entries(OWN_MEASURES[pathway] ?? {}).map(
      ([name, counts]) => [name, group.filter((c) => counts(c, scope.today)).length] as const,
    );
    const counts: Record<string, number> = {
      referrals: group.length,
      engaged: engaged.length,
      ...Object.fromEntries(own),
      ...(pathway === 'drr' || pathway === 'atr' ? { reviewsToCome: reviewsToCome(group, scope.today) } : {}),
    };
    const base = suppressCounts(counts, {}, scope.suppress);
    if (!REOFFENDING_PATHWAYS.includes(pathway)) return { pathway, ...base } as PathwayRow;
    return {
      pathway,
      ...base,
      reoffending: reoffendingOf(group, scope.today, scope.suppress),
      reoffendingEngaged: reoffendingOf(engaged, scope.today, scope.suppress),
    } as PathwayRow;
  });
}

/** A custody suite's referrals on one pathway, as published. */
export interface SuiteRow {
  custodySuiteId: string;
  name: string;
  pathway: ReportCase['pathway'];
  referrals: PublishedCount;
  engaged: PublishedCount;
  share: number | null;
}

/** The referrals that name a custody suite, by suite and pathway, with the share engaged. */
export function bySuite(
  cases: readonly ReportCase[],
  names: ReadonlyMap<string, string>,
  scope: Pick<ReportScope, 'suppress'>,
): SuiteRow[] {
  const groups = new Map<string, ReportCase[]>();
  for (const c of cases) {
    if (!c.custodySuiteId) continue;
    const key = `${c.custodySuiteId}|${c.pathway}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()]
    .map((group) => {
      const [first] = group as [ReportCase];
      const engaged = group.filter((c) => c.engagedOn).length;
      return {
        custodySuiteId: first.custodySuiteId as string,
        name: names.get(first.custodySuiteId as string) ?? 'A custody suite no longer listed',
        pathway: first.pathway,
        ...suppressCounts(
          { referrals: group.length, engaged },
          { share: { value: rateOf(engaged, group.length), from: ['referrals', 'engaged'] } },
          scope.suppress,
        ),
        total: group.length,
      };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name) || a.pathway.localeCompare(b.pathway))
    .map(({ total: _total, ...row }) => row);
}
