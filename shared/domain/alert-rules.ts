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
  const rules = settings.alertRules;
  const checks: DueCheck[] = [];
  const add = (rule: AlertRule, at: Date) => {
    if (!raised.has(rule)) checks.push({ rule, dueAt: at.toISOString() });
  };
  const prison = isPrisonPathway(referral.pathway);
  const first = watchedFirstAppointment(referral, appointments);

  if (prison && !referral.releasedOn && referral.expectedReleaseOn) {
    add(
      'release_not_confirmed',
      startOfDayPlus(addDays(referral.expectedReleaseOn, rules.releaseNotConfirmedDays)),
    );
  }
  if (prison && referral.releasedOn) {
    const release = startOfDayPlus(referral.releasedOn, NOMINAL_RELEASE_HOUR);
    if (!first)
      add('no_first_appointment', new Date(release.getTime() + rules.noFirstAppointmentHours * 3_600_000));
    add(
      'engagement_at_risk',
      startOfDayPlus(addDays(referral.releasedOn, rules.engagementAtRiskDay), NOMINAL_RELEASE_HOUR),
    );
    // A treatment start on the window's last day still counts (DESIGN.md §3), so the window is
    // missed only when that day is over: at midnight starting the next day.
    add(
      'engagement_window_missed',
      startOfDayPlus(addDays(referral.releasedOn, settings.engagementWindowDays + 1)),
    );
  }
  const watchesFirst = (prison && referral.releasedOn) || referral.pathway === 'drug_testing_on_arrest';
  if (watchesFirst && first) {
    if (first.status === 'missed') add('first_appointment_missed', new Date(first.updatedAt));
    else if (isPending(first)) {
      add(
        'first_appointment_missed',
        new Date(Date.parse(first.at) + rules.firstAppointmentGraceHours * 3_600_000),
      );
    }
  }
  return checks.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** The earliest check still to come or overdue, if any. */
export const nextDue = (checks: readonly DueCheck[]): DueCheck | undefined => checks[0];
