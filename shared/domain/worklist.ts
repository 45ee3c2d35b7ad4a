import type { Appointment, Referral } from '../schemas/referral.ts';
import type { ReleasePlan } from '../schemas/release-plan.ts';
import { type NextAction, watchedFirstAppointment } from './alert-rules.ts';
import { addDays, daysBetween, londonDate, startOfDayPlus } from './dates.ts';
import { isPrisonPathway } from './pathways.ts';

/**
 * The worklist's rules (API.md "Cases staff can correct and plan"): which open cases need
 * someone, how urgent each is, and why. Pure: the clock is passed in.
 */

export { RISK_FLAGS, type RiskFlag } from './risk-flags.ts';

import { RISK_FLAGS, type RiskFlag } from './risk-flags.ts';

/** Days after release that count as the first days, the deadliest (half of deaths fall in them). */
export const FIRST_DAYS = 4;
/** How far ahead the worklist looks for a next action or an expected release. */
export const LOOKAHEAD_DAYS = 7;
/** Each risk a case carries brings it forward on the worklist by this many hours. */
export const RISK_WEIGHT_HOURS = 24;

const HOUR = 3_600_000;

/**
 * The risks of a case known from what is recorded (its release plan, its first appointment and
 * the person's substance group); `first_days` depends on the clock and is added when read.
 */
export function recordedRisks(
  referral: Pick<Referral, 'pathway' | 'releasedOn' | 'status'> & {
    releasePlan?: Pick<ReleasePlan, 'accommodation' | 'onOstAtRelease' | 'naloxoneIssued'>;
    substanceGroup?: string;
  },
  appointments: readonly Appointment[],
): RiskFlag[] {
  if (!isPrisonPathway(referral.pathway)) return [];
  const plan = referral.releasePlan;
  const flags: RiskFlag[] = [];
  if (plan?.accommodation === 'no_fixed_abode') flags.push('no_fixed_abode');
  if (referral.substanceGroup === 'opiate' && plan?.onOstAtRelease === false) flags.push('no_ost_at_release');
  if (plan?.naloxoneIssued === false) flags.push('no_naloxone');
  if (referral.releasedOn) {
    const first = watchedFirstAppointment(referral as Referral, appointments);
    if (!first) flags.push('no_first_appointment');
    else if (first.status === 'missed') flags.push('missed_first_appointment');
  }
  return flags;
}

/** The case's place on the worklist, fixed by what is recorded: from when it is listed, and its urgency. */
export interface WorkEntry {
  /** The instant from which the case is on the worklist. */
  listedFrom: string;
  /**
   * The instant the case is ordered by: its next action's due time, brought forward by a day for
   * each recorded risk. The most urgent (earliest) first; `priority` counts hours past it.
   */
  urgentAt: string;
}

/**
 * Where an open case stands on the worklist, or undefined when it never will without a change:
 * an engaged or closed case, or one with no next action. A case is listed from the earliest of a
 * week before its next action falls due, its release, and a week before its expected release;
 * with an unresolved alert its next action is overdue, so it stays until that is dealt with.
 */
export function workEntry(
  referral: Pick<Referral, 'status' | 'engagedOn' | 'releasedOn' | 'expectedReleaseOn'>,
  next: NextAction | undefined,
  risks: readonly RiskFlag[],
): WorkEntry | undefined {
  if (referral.status === 'closed' || referral.status === 'engaged' || referral.engagedOn || !next) {
    return undefined;
  }
  const due = Date.parse(next.dueAt);
  const candidates = [due - LOOKAHEAD_DAYS * 24 * HOUR];
  if (referral.releasedOn) candidates.push(startOfDayPlus(referral.releasedOn).getTime());
  else if (referral.expectedReleaseOn) {
    candidates.push(startOfDayPlus(addDays(referral.expectedReleaseOn, -LOOKAHEAD_DAYS)).getTime());
  }
  return {
    listedFrom: new Date(Math.min(...candidates)).toISOString(),
    urgentAt: new Date(due - risks.length * RISK_WEIGHT_HOURS * HOUR).toISOString(),
  };
}

/** Days since release in England (0 on the day), or undefined before release. */
export const daysSinceRelease = (releasedOn: string | undefined, now: Date): number | undefined =>
  releasedOn ? daysBetween(releasedOn, londonDate(now)) : undefined;

/** Every risk of a case at `now`: the recorded ones and, in the first days after release, `first_days`. */
export function risksAt(
  recorded: readonly RiskFlag[],
  releasedOn: string | undefined,
  now: Date,
): RiskFlag[] {
  const days = daysSinceRelease(releasedOn, now);
  const inFirstDays = days !== undefined && days >= 0 && days <= FIRST_DAYS;
  return RISK_FLAGS.filter((flag) => (flag === 'first_days' ? inFirstDays : recorded.includes(flag)));
}

/** A worklist priority: hours past the case's (risk-weighted) urgency, higher first. */
export const priorityAt = (urgentAt: string, now: Date): number =>
  Math.floor((now.getTime() - Date.parse(urgentAt)) / HOUR);

const RISK_WORDS: Record<RiskFlag, string> = {
  no_fixed_abode: 'No fixed abode on release',
  no_ost_at_release: 'Opiate use and not on opioid substitution treatment at release',
  no_naloxone: 'No naloxone issued',
  first_days: 'In the first days after release, the riskiest',
  no_first_appointment: 'No first appointment booked',
  missed_first_appointment: 'First appointment missed',
};

// Built on first use, once: a formatter costs far more to make than to use.
let dayMonth: Intl.DateTimeFormat | undefined;
function longDate(date: string): string {
  dayMonth ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return dayMonth.format(new Date(`${date}T00:00:00Z`));
}

/** What the worklist says of a case's facts, for `why`. */
export interface WhyFacts {
  releasedOn?: string;
  expectedReleaseOn?: string;
  openAlerts: number;
  next: NextAction & { overdue: boolean; label: string };
  risks: readonly RiskFlag[];
}

/** Why a case is on the worklist and where, in words, most important first. */
export function whyListed(facts: WhyFacts, now: Date): string[] {
  const why: string[] = [];
  const today = londonDate(now);
  if (facts.openAlerts > 0) {
    why.push(facts.openAlerts === 1 ? '1 open alert' : `${facts.openAlerts} open alerts`);
  }
  why.push(
    facts.next.overdue
      ? `Overdue: ${facts.next.label}`
      : `Next: ${facts.next.label} by ${longDate(londonDate(new Date(facts.next.dueAt)))}`,
  );
  const days = daysSinceRelease(facts.releasedOn, now);
  if (days !== undefined)
    why.push(days === 0 ? 'Released today' : `Released ${days} day${days === 1 ? '' : 's'} ago`);
  else if (facts.expectedReleaseOn) {
    const until = daysBetween(today, facts.expectedReleaseOn);
    if (until >= 0 && until <= LOOKAHEAD_DAYS) {
      why.push(
        until === 0 ? 'Expected release today' : `Expected release in ${until} day${until === 1 ? '' : 's'}`,
      );
    }
  }
  for (const risk of facts.risks) why.push(RISK_WORDS[risk]);
  return why;
}
