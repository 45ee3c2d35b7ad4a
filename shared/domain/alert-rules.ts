import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { Appointment, Referral } from '../schemas/referral.ts';
import { addDays, londonDayStart, startOfDayPlus } from './dates.ts';
import { REQUIRED_ASSESSMENT_KINDS } from './pathways.ts';
import { isPending, isPrisonPathway } from './referral-rules.ts';
import type { AlertRule } from './values.ts';

/**
 * Release dates carry no time; the rules count from a nominal release time of 09:00 UTC on the
 * release day (prisons release in the morning), so "24 hours after release" is 09:00 next day.
 */
export const NOMINAL_RELEASE_HOUR = 9;

/** One alert a case could raise: its rule, its slot (what it is about, one alert each) and when it falls due. */
export interface DueCheck {
  rule: AlertRule;
  dueAt: string;
  /**
   * What the alert is about, unique within the case: the rule itself, or for a rule that can
   * fire more than once the rule and its subject (`first_appointment_missed.<appointmentId>`,
   * `alert_unacknowledged.<escalated slot>`). An alert's id is its referral's id and its slot.
   */
  slot: string;
  /** The appointment a missed-appointment check (first, required assessment, session) watches. */
  appointmentId?: string;
  /**
   * When the check stops holding although nothing on the case changed: a court review's
   * notice is no use once the review day is over.
   */
  until?: string;
  /** The alert an `alert_unacknowledged` check escalates. */
  escalates?: { slot: string; rule: AlertRule };
}

/** What the rules read of a case's alerts. */
export interface AlertState {
  rule: AlertRule;
  /** Absent on alerts raised before slots existed: their slot is their rule. */
  slot?: string;
  status: 'open' | 'acknowledged' | 'resolved';
  raisedAt: string;
  dueAt?: string;
  resolvedBy?: { memberId: string };
  /**
   * When the alert's escalation clock starts, if not when it was raised: alerts raised before
   * escalation existed start it when the migration reached them, so an upgrade sends no burst.
   */
  escalateFrom?: string;
}

/** The member id the service resolves alerts as, when their condition no longer holds. */
export const SERVICE_MEMBER_ID = 'service';

/** An alert's slot (its rule, for alerts raised before slots existed). */
export const slotOf = (alert: Pick<AlertState, 'rule' | 'slot'>): string => alert.slot ?? alert.rule;

/** The slot of a rule about one subject. */
const slotFor = (rule: AlertRule, subject?: string): string => (subject ? `${rule}.${subject}` : rule);

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
 * When each once-per-case rule falls due for a case, or undefined when it cannot fire for it
 * (DESIGN.md §3), keyed by rule so a rule without its due check fails to compile.
 */
const DUE_AT: Record<OncePerCase, (facts: CaseFacts) => Date | undefined> = {
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
};

/**
 * When an appointment a rule watches counts as missed: marked missed, at once; still booked, once
 * its grace is over; attended or cancelled, never.
 */
function missedAt(appointment: Appointment, graceHours: number): Date | undefined {
  if (appointment.status === 'missed') return new Date(appointment.updatedAt);
  return isPending(appointment) ? hours(new Date(appointment.at), graceHours) : undefined;
}

/**
 * When the watched first appointment counts as missed: on a prison pathway the first
 * appointment after release; on drug testing on arrest a first treatment appointment (cases
 * recorded before required assessments had their own kinds booked them so). Other pathways
 * record their engagement themselves.
 */
function firstAppointmentMissedAt({ release, referral, first, settings }: CaseFacts): Date | undefined {
  const watched = release || referral.pathway === 'drug_testing_on_arrest';
  if (!watched || !first) return undefined;
  return missedAt(first, settings.alertRules.firstAppointmentGraceHours);
}

/** The rules about one appointment each that the pathway's own appointments raise. */
const APPOINTMENT_RULES = [
  {
    rule: 'required_assessment_missed',
    kinds: REQUIRED_ASSESSMENT_KINDS,
    grace: (settings: PartnershipSettings) => settings.alertRules.requiredAssessmentGraceHours,
  },
  {
    rule: 'session_missed',
    kinds: ['session'],
    grace: (settings: PartnershipSettings) => settings.alertRules.sessionGraceHours,
  },
] as const;

/**
 * The checks of the pathway's own work, which go on after a treatment start: each required
 * assessment and DIVERT session missed, and each court review of a DRR or ATR order (due at
 * 09:00 in England the notice's days before the review, until the review day is over).
 */
function pathwayChecks(
  referral: Referral,
  appointments: readonly Appointment[],
  settings: PartnershipSettings,
): DueCheck[] {
  const checks: DueCheck[] = [];
  for (const { rule, kinds, grace } of APPOINTMENT_RULES) {
    for (const appointment of appointments) {
      if (!(kinds as readonly string[]).includes(appointment.kind)) continue;
      const at = missedAt(appointment, grace(settings));
      if (at) {
        checks.push({
          rule,
          slot: slotFor(rule, appointment.id),
          dueAt: at.toISOString(),
          appointmentId: appointment.id,
        });
      }
    }
  }
  for (const reviewOn of referral.order?.reviewDates ?? []) {
    checks.push({
      rule: 'court_review_due',
      slot: slotFor('court_review_due', reviewOn),
      dueAt: londonDayStart(
        addDays(reviewOn, -settings.alertRules.courtReviewNoticeDays),
        NOMINAL_RELEASE_HOUR,
      ),
      until: londonDayStart(addDays(reviewOn, 1)),
    });
  }
  return checks;
}

/** The rules of a pathway's own work, which go on after a treatment start. */
const PATHWAY_RULES: ReadonlySet<AlertRule> = new Set<AlertRule>([
  ...APPOINTMENT_RULES.map(({ rule }) => rule),
  'court_review_due',
]);

/** Every rule raised once per case: all but those about one subject each. */
type OncePerCase = Exclude<
  AlertRule,
  | 'first_appointment_missed'
  | 'alert_unacknowledged'
  | (typeof APPOINTMENT_RULES)[number]['rule']
  | 'court_review_due'
>;

/**
 * Every alert the case's state defines now, raised or not, with when it falls due (DESIGN.md §3):
 * one per rule, one `first_appointment_missed` per watched first appointment, and one
 * `alert_unacknowledged` per alert still open. A closed or engaged case has none.
 */
export function caseChecks(
  referral: Referral,
  appointments: readonly Appointment[],
  settings: PartnershipSettings,
  alerts: readonly AlertState[] = [],
  now?: Date,
): DueCheck[] {
  if (referral.status === 'closed') return [];
  const live = (checks: DueCheck[]) => {
    const at = now?.toISOString();
    return (at ? checks.filter((check) => !check.until || at < check.until) : checks).sort(
      (a, b) => a.dueAt.localeCompare(b.dueAt) || a.slot.localeCompare(b.slot),
    );
  };
  const own = pathwayChecks(referral, appointments, settings);
  if (referral.status === 'engaged' || referral.engagedOn) {
    // Engaged, the release's alerts are over; the pathway's own work goes on, and so do its alerts.
    const ongoing = alerts.filter((alert) => PATHWAY_RULES.has(alert.rule));
    return live([...own, ...escalations(ongoing, settings)]);
  }
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
    OncePerCase,
    (facts: CaseFacts) => Date | undefined,
  ][]) {
    const at = dueAt(facts);
    if (at) checks.push({ rule, slot: rule, dueAt: at.toISOString() });
  }
  const missed = firstAppointmentMissedAt(facts);
  if (missed && facts.first) {
    checks.push({
      rule: 'first_appointment_missed',
      slot: slotFor('first_appointment_missed', facts.first.id),
      dueAt: missed.toISOString(),
      appointmentId: facts.first.id,
    });
  }
  return live([...checks, ...own, ...escalations(alerts, settings)]);
}

/** One `alert_unacknowledged` check per alert still open, due its escalation time after it was raised. */
function escalations(alerts: readonly AlertState[], settings: PartnershipSettings): DueCheck[] {
  return alerts
    .filter((alert) => alert.status === 'open' && alert.rule !== 'alert_unacknowledged')
    .map((alert) => {
      const slot = slotOf(alert);
      return {
        rule: 'alert_unacknowledged' as const,
        slot: slotFor('alert_unacknowledged', slot),
        dueAt: hours(
          new Date(alert.escalateFrom ?? alert.raisedAt),
          settings.alertRules.escalateAfterHours,
        ).toISOString(),
        escalates: { slot, rule: alert.rule },
      };
    });
}

/** Rules raised once per appointment: a missed appointment is alerted once, whatever follows. */
const PER_APPOINTMENT: ReadonlySet<AlertRule> = new Set<AlertRule>([
  'first_appointment_missed',
  ...APPOINTMENT_RULES.map(({ rule }) => rule),
]);

/** True when an alert was resolved by the service because its condition stopped holding: it may be raised again. */
const withdrawn = (alert: AlertState) => alert.resolvedBy?.memberId === SERVICE_MEMBER_ID;

/**
 * The slots of the alerts a case has raised, which are not raised again. An alert the service
 * withdrew is left out (if its condition comes back, it is raised anew). A missed-appointment
 * alert from before slots existed covers every first appointment booked before it was raised.
 */
export function raisedSlots(
  alerts: readonly AlertState[],
  appointments: readonly Appointment[],
): Set<string> {
  const slots = new Set<string>();
  for (const alert of alerts) {
    // A missed appointment is alerted once, even if the alert was withdrawn (a new appointment
    // was booked, then cancelled): the appointment itself has not changed.
    if (withdrawn(alert) && !PER_APPOINTMENT.has(alert.rule)) continue;
    if (alert.rule === 'first_appointment_missed' && !alert.slot) {
      for (const appointment of appointments) {
        if (appointment.kind === 'first' && appointment.createdAt <= alert.raisedAt) {
          slots.add(slotFor('first_appointment_missed', appointment.id));
        }
      }
    } else if (alert.rule === 'alert_unacknowledged') {
      // An escalation is of one raising of its alert: raised again later, the alert escalates anew.
      const escalated = alerts.find((one) => `alert_unacknowledged.${slotOf(one)}` === slotOf(alert));
      if (!escalated || escalated.raisedAt <= alert.raisedAt) slots.add(slotOf(alert));
    } else {
      slots.add(slotOf(alert));
    }
  }
  return slots;
}

/**
 * Every alert that could still be raised for a case, with when it falls due, earliest first.
 * `raised` holds the slots already raised (a bare rule name covers every slot of that rule).
 */
export function dueChecks(
  referral: Referral,
  appointments: readonly Appointment[],
  settings: PartnershipSettings,
  raised: ReadonlySet<string> = new Set(),
  alerts: readonly AlertState[] = [],
  now?: Date,
): DueCheck[] {
  return caseChecks(referral, appointments, settings, alerts, now).filter(
    (check) => !raised.has(check.slot) && !raised.has(check.rule),
  );
}

/**
 * The unresolved alerts of a case whose condition no longer holds at `now` (a first appointment
 * was booked, the expected release date moved on, the case engaged or closed, the escalated
 * alert was acknowledged): the service resolves them. A condition holds while the case still
 * defines the alert's slot and it is due.
 */
export function alertsNoLongerHolding<A extends AlertState>(
  referral: Referral,
  appointments: readonly Appointment[],
  settings: PartnershipSettings,
  alerts: readonly A[],
  now: Date,
): A[] {
  const at = now.toISOString();
  // The case's own conditions first; an escalation then holds only while the alert it escalates
  // is open and still holds itself.
  const holding = new Set(
    caseChecks(referral, appointments, settings, [], now)
      .filter((check) => check.dueAt <= at)
      .map((check) => check.slot),
  );
  const watched = watchedFirstAppointment(referral, appointments);
  const holds = (alert: A): boolean => {
    // A missed-appointment alert from before slots: it is about the watched appointment if that
    // one was booked before the alert was raised.
    if (alert.rule === 'first_appointment_missed' && !alert.slot) {
      return !!watched && watched.createdAt <= alert.raisedAt && holding.has(slotFor(alert.rule, watched.id));
    }
    return holding.has(slotOf(alert));
  };
  const cleared = new Set(
    alerts.filter(
      (alert) => alert.status !== 'resolved' && alert.rule !== 'alert_unacknowledged' && !holds(alert),
    ),
  );
  const stillOpen = alerts.filter(
    (alert) => alert.status === 'open' && alert.rule !== 'alert_unacknowledged' && !cleared.has(alert),
  );
  const escalating = new Set(
    caseChecks(referral, appointments, settings, stillOpen, now)
      .filter((check) => check.rule === 'alert_unacknowledged' && check.dueAt <= at)
      .map((check) => check.slot),
  );
  return alerts.filter(
    (alert) =>
      alert.status !== 'resolved' &&
      (alert.rule === 'alert_unacknowledged' ? !escalating.has(slotOf(alert)) : cleared.has(alert)),
  );
}

/** A case's next action: the earliest of its unresolved alerts and the alerts still to come. */
export interface NextAction {
  rule: AlertRule;
  dueAt: string;
}

/**
 * What the case must be acted on by next: the earliest unresolved alert (open or acknowledged,
 * until someone or the service resolves it), else the earliest check still to come. Never empty
 * while an alert on the case is unresolved.
 */
export function nextActionOf(
  pending: readonly DueCheck[],
  alerts: readonly AlertState[],
): NextAction | undefined {
  const unresolved = alerts
    .filter((alert) => alert.status !== 'resolved')
    .map((alert) => ({ rule: alert.rule, dueAt: alert.dueAt ?? alert.raisedAt }));
  const all = [...unresolved, ...pending.map(({ rule, dueAt }) => ({ rule, dueAt }))];
  return all.sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
}

/** The earliest check still to come or overdue, if any. */
export const nextDue = <T extends Pick<DueCheck, 'dueAt'>>(checks: readonly T[]): T | undefined => checks[0];
