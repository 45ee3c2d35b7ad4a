import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { Appointment, Referral } from '../schemas/referral.ts';
import { addDays, startOfDayPlus } from './dates.ts';
import { isPending, isPrisonPathway } from './referral-rules.ts';
import type { AlertRule } from './values.ts';

/**
 * Release dates carry no time; the rules count from a nominal release time of 09:00 UTC on the
 * release day (prisons release in the morning), so "24 hours after release" is 09:00 next day.
 */
export const NOMINAL_RELEASE_HOUR = 9;

export interface DueCheck {
  rule: AlertRule;
  dueAt: string;
}

/** The first appointment the rules watch: on the prison pathway, the first booked after release. */
export function watchedFirstAppointment(
  referral: Referral,
  appointments: readonly Appointment[],
): Appointment | undefined {
  const firsts = appointments
    .filter((appointment) => appointment.kind === 'first' && appointment.status !== 'cancelled')
    .filter((appointment) => !referral.releasedOn || appointment.at.slice(0, 10) >= referral.releasedOn)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return firsts.at(-1);
}

/** What the rules read of a case, worked out once. */
interface CaseFacts {
  referral: Referral;
  settings: PartnershipSettings;
  /** On a prison pathway (continuity of care, Through the Gate). */
  prison: boolean;
  /** The nominal release time, once a release is recorded on a prison pathway. */
  release?: Date;
  first?: Appointment;
}

const hours = (from: Date, count: number) => new Date(from.getTime() + count * 3_600_000);

/**
 * When each rule falls due for a case, or undefined when it cannot fire for it (DESIGN.md §3),
 * keyed by rule so a rule without its due check fails to compile.
 */
const DUE_AT: Record<AlertRule, (facts: CaseFacts) => Date | undefined> = {
  release_not_confirmed: ({ prison, referral, settings }) =>
    prison && !referral.releasedOn && referral.expectedReleaseOn
      ? startOfDayPlus(addDays(referral.expectedReleaseOn, settings.alertRules.releaseNotConfirmedDays))
      : undefined,
  no_first_appointment: ({ release, first, settings }) =>
    release && !first ? hours(release, settings.alertRules.noFirstAppointmentHours) : undefined,
  engagement_at_risk: ({ release, referral, settings }) =>
    release && referral.releasedOn
      ? startOfDayPlus(
          addDays(referral.releasedOn, settings.alertRules.engagementAtRiskDay),
          NOMINAL_RELEASE_HOUR,
        )
      : undefined,
  // A treatment start on the window's last day still counts (DESIGN.md §3), so the window is
  // missed only when that day is over: at midnight starting the next day.
  engagement_window_missed: ({ release, referral, settings }) =>
    release && referral.releasedOn
      ? startOfDayPlus(addDays(referral.releasedOn, settings.engagementWindowDays + 1))
      : undefined,
  // On the prison pathway the first appointment after release; on drug testing on arrest the
  // required assessment. Marked missed, it is due at once; still booked, once its grace is over.
  first_appointment_missed: ({ release, referral, first, settings }) => {
    const watched = release || referral.pathway === 'drug_testing_on_arrest';
    if (!watched || !first) return undefined;
    if (first.status === 'missed') return new Date(first.updatedAt);
    return isPending(first)
      ? hours(new Date(first.at), settings.alertRules.firstAppointmentGraceHours)
      : undefined;
  },
};

/**
 * Every alert rule that could still fire for a case, with when it falls due (DESIGN.md §3).
 * A closed or engaged case has none. `raised` holds rules already raised for the case.
 */
export function dueChecks(
  referral: Referral,
  appointments: readonly Appointment[],
  settings: PartnershipSettings,
  raised: ReadonlySet<string> = new Set(),
): DueCheck[] {
  if (referral.status === 'closed' || referral.status === 'engaged' || referral.engagedOn) return [];
  const prison = isPrisonPathway(referral.pathway);
  const facts: CaseFacts = {
    referral,
    settings,
    prison,
    release:
      prison && referral.releasedOn ? startOfDayPlus(referral.releasedOn, NOMINAL_RELEASE_HOUR) : undefined,
    first: watchedFirstAppointment(referral, appointments),
  };
  const checks: DueCheck[] = [];
  for (const [rule, dueAt] of Object.entries(DUE_AT) as [
    AlertRule,
    (facts: CaseFacts) => Date | undefined,
  ][]) {
    const at = raised.has(rule) ? undefined : dueAt(facts);
    if (at) checks.push({ rule, dueAt: at.toISOString() });
  }
  return checks.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** The earliest check still to come or overdue, if any. */
export const nextDue = (checks: readonly DueCheck[]): DueCheck | undefined => checks[0];
