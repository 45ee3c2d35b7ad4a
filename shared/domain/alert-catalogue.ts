import type { AlertRule } from './values.ts';

/**
 * Who an alert tells (DESIGN.md §3): the area's team, the assigned caseworker, the area's
 * managers, or the assigned caseworker and the area's team only when nobody is assigned.
 */
export type Audience = 'team' | 'caseworker' | 'managers' | 'caseworker_else_team';

/** The alert-rule setting a chair can change, under `settings.alertRules`: its form field, range and default. */
export interface AlertTiming {
  readonly setting: string;
  /** The field's label on the settings form, its hint, and the unit typed after it (none for "on day"). */
  readonly label: string;
  readonly hint: string;
  readonly suffix?: 'hours' | 'days';
  readonly unit: 'hour' | 'day';
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/** Everything said about one alert rule, wherever it is said. */
export interface AlertRuleFacts {
  /** What happened, as staff call it: the alert lists, the case page, the email's subject. */
  readonly name: string;
  /** What it asks of the team, shown as a case's next action while it is due. */
  readonly nextAction: string;
  /** The case timeline's entry when the alert is raised. */
  readonly timeline: string;
  /** Who the email goes to. */
  readonly audience: readonly Audience[];
  /** The email's body: what happened and what to do. It never identifies the person. */
  readonly email: { readonly happened: string; readonly action: string };
  /**
   * The email's body on pathways with no prison release, where the prison wording would be
   * wrong (a first appointment after referral, not after release).
   */
  readonly emailOffPrison?: { readonly happened: string; readonly action: string };
  /** The setting that times it, when a chair can tune it (engagement_window_missed follows the window). */
  readonly timing?: AlertTiming;
  /**
   * The settings page's line on when it fires, given its timing setting's value (or, for a rule
   * without one, the engagement window in days).
   */
  readonly firesWhen: { readonly label: string; readonly describe: (value: number) => string };
}

const count = (value: number, unit: 'hour' | 'day') => `${value} ${unit}${value === 1 ? '' : 's'}`;

/**
 * The one catalogue of alert rules (DESIGN.md §3 "Alert rules"), keyed by rule: the domain's due
 * checks, the sweep, the emails, the settings and the web app all read it, and a rule missing
 * from it fails to compile.
 */
export const ALERT_CATALOGUE = {
  no_first_appointment: {
    name: 'No first appointment booked',
    nextAction: 'Book a first appointment',
    timeline: 'Alert raised: no first appointment booked after release',
    audience: ['team'],
    email: {
      happened: 'A person was released from prison and no first community appointment has been booked.',
      action: 'Book a first appointment today and record it in Continuity.',
    },
    timing: {
      setting: 'noFirstAppointmentHours',
      label: 'No first appointment after',
      hint: 'Hours after release with no first appointment booked before the area team is alerted.',
      suffix: 'hours',
      unit: 'hour',
      min: 1,
      max: 168,
      default: 24,
    },
    firesWhen: {
      label: 'No first appointment after',
      describe: (hours) => `${count(hours, 'hour')} from release`,
    },
  },
  first_appointment_missed: {
    name: 'First appointment missed',
    nextAction: 'Check the first appointment was attended',
    timeline: 'Alert raised: first appointment missed',
    audience: ['caseworker', 'team'],
    email: {
      happened: 'A first appointment after release was missed, or its time passed with no outcome recorded.',
      action: 'Contact the person today, rebook the appointment, and record the outcome.',
    },
    emailOffPrison: {
      happened:
        'A first treatment appointment after referral was missed, or its time passed with no outcome recorded.',
      action: 'Contact the person today, rebook the appointment, and record the outcome.',
    },
    timing: {
      setting: 'firstAppointmentGraceHours',
      label: 'First appointment grace',
      hint: 'Hours after a first appointment’s time, still not marked attended, before it is treated as missed.',
      suffix: 'hours',
      unit: 'hour',
      min: 1,
      max: 72,
      default: 4,
    },
    firesWhen: {
      label: 'First appointment grace',
      describe: (hours) => `${count(hours, 'hour')} after its time`,
    },
  },
  engagement_at_risk: {
    name: 'Engagement at risk',
    nextAction: 'Record a treatment start (engagement at risk)',
    timeline: 'Alert raised: engagement at risk (no treatment start yet)',
    audience: ['managers'],
    email: {
      happened: 'Two weeks have passed since release and no treatment start is recorded.',
      action:
        'Check the plan for this case with the caseworker; a treatment start within the window still counts.',
    },
    timing: {
      setting: 'engagementAtRiskDay',
      label: 'Engagement at risk on day',
      hint: 'The day after release on which the area’s managers are warned if treatment has not started. It must come before the end of the engagement window.',
      unit: 'day',
      min: 1,
      max: 89,
      default: 14,
    },
    firesWhen: { label: 'Engagement at risk on', describe: (day) => `day ${day} after release` },
  },
  engagement_window_missed: {
    name: 'Engagement window missed',
    nextAction: 'Record a treatment start before the window closes',
    timeline: 'Alert raised: engagement window missed',
    audience: ['managers'],
    email: {
      happened: 'The engagement window after release has closed with no treatment start recorded.',
      action: 'Review the case: keep working to engage, or close it with the reason.',
    },
    firesWhen: {
      label: 'Engagement window missed on',
      describe: (windowDays) => `day ${windowDays + 1} after release, once the engagement window has closed`,
    },
  },
  release_not_confirmed: {
    name: 'Release not confirmed',
    nextAction: 'Confirm the release',
    timeline: 'Alert raised: release not confirmed',
    audience: ['team'],
    email: {
      happened: 'The expected release date has passed and no release is recorded.',
      action: 'Confirm with the prison whether the person was released, and record it.',
    },
    timing: {
      setting: 'releaseNotConfirmedDays',
      label: 'Release not confirmed after',
      hint: 'Days after the expected release date with no release recorded before the area team is alerted.',
      suffix: 'days',
      unit: 'day',
      min: 0,
      max: 14,
      default: 1,
    },
    firesWhen: {
      label: 'Release not confirmed after',
      describe: (days) => `${count(days, 'day')} from the expected release date`,
    },
  },
  alert_unacknowledged: {
    name: 'Alert not acknowledged',
    nextAction: 'Acknowledge the open alert and act on it',
    timeline: 'Alert raised: an open alert has not been acknowledged',
    audience: ['managers'],
    email: {
      happened: 'An alert on this case is still open: nobody has acknowledged it.',
      action: 'Check with the team who is dealing with it, and acknowledge or resolve it in Continuity.',
    },
    timing: {
      setting: 'escalateAfterHours',
      label: 'Escalate an open alert after',
      hint: 'Hours an alert may stay open, not acknowledged, before the area’s managers are told.',
      suffix: 'hours',
      unit: 'hour',
      min: 1,
      max: 168,
      default: 24,
    },
    firesWhen: {
      label: 'Escalate an open alert after',
      describe: (hours) => `${count(hours, 'hour')} open and not acknowledged`,
    },
  },
  required_assessment_missed: {
    name: 'Required assessment missed',
    nextAction: 'Check the required assessment was attended',
    timeline: 'Alert raised: required assessment missed',
    audience: ['caseworker', 'team'],
    email: {
      happened:
        'A required assessment after a positive drug test on arrest was missed, or its time passed with no outcome recorded. Failing to attend it without good cause is an offence.',
      action:
        'Contact the person today and rebook the assessment. If they failed to attend, close the case as failed to attend so the manager can tell the police under the local protocol.',
    },
    timing: {
      setting: 'requiredAssessmentGraceHours',
      label: 'Required assessment grace',
      hint: 'Hours after a required assessment’s time, still not marked attended, before it is treated as missed.',
      suffix: 'hours',
      unit: 'hour',
      min: 1,
      max: 72,
      default: 4,
    },
    firesWhen: {
      label: 'Required assessment grace',
      describe: (hours) => `${count(hours, 'hour')} after its time`,
    },
  },
  session_missed: {
    name: 'DIVERT session missed',
    nextAction: 'Check the DIVERT session was attended',
    timeline: 'Alert raised: DIVERT session missed',
    audience: ['caseworker', 'team'],
    email: {
      happened: 'A DIVERT intervention session was missed, or its time passed with no attendance recorded.',
      action:
        'Contact the person today and book another session; the community resolution depends on their taking part.',
    },
    timing: {
      setting: 'sessionGraceHours',
      label: 'DIVERT session grace',
      hint: 'Hours after a DIVERT session’s time, still not marked attended, before it is treated as missed.',
      suffix: 'hours',
      unit: 'hour',
      min: 1,
      max: 72,
      default: 4,
    },
    firesWhen: {
      label: 'DIVERT session grace',
      describe: (hours) => `${count(hours, 'hour')} after its time`,
    },
  },
  court_review_due: {
    name: 'Court review due',
    nextAction: 'Prepare the progress report for the court review',
    timeline: 'Alert raised: a court review of the order is due',
    audience: ['caseworker_else_team'],
    email: {
      happened: 'A court review of a drug or alcohol treatment order on this case is coming up.',
      action:
        'Prepare the treatment progress report for the review with the probation practitioner, and record any change in Continuity.',
    },
    timing: {
      setting: 'courtReviewNoticeDays',
      label: 'Court review notice',
      hint: 'Days before a court review date on which the caseworker (or the area team, when nobody is assigned) is told.',
      suffix: 'days',
      unit: 'day',
      min: 1,
      max: 28,
      default: 7,
    },
    firesWhen: {
      label: 'Court review notice',
      describe: (days) => `${count(days, 'day')} before each review date, at 9am`,
    },
  },
} as const satisfies Record<AlertRule, AlertRuleFacts>;

type Catalogue = typeof ALERT_CATALOGUE;

/** The settings that time the rules, as the catalogue names them: the keys of `settings.alertRules`. */
export type AlertTimingSetting = {
  [R in AlertRule]: Catalogue[R] extends { timing: { setting: infer S extends string } } ? S : never;
}[AlertRule];

/** A timing with the rule it times. */
export type RuleTiming = AlertTiming & { rule: AlertRule; setting: AlertTimingSetting };

/** The settings a chair can tune, in catalogue order, each with its rule. */
export const ALERT_TIMINGS: readonly RuleTiming[] = Object.entries(ALERT_CATALOGUE).flatMap(
  ([rule, facts]) => ('timing' in facts ? [{ ...facts.timing, rule: rule as AlertRule }] : []),
);

/** One value per timing setting, made from its facts: the schemas' shapes, the forms' bounds. */
export function byTimingSetting<T>(make: (timing: RuleTiming) => T): Record<AlertTimingSetting, T> {
  return Object.fromEntries(ALERT_TIMINGS.map((timing) => [timing.setting, make(timing)])) as Record<
    AlertTimingSetting,
    T
  >;
}

/** A rule's "fires when" line for a partnership's settings: its timing's value, or the window's. */
export function firesWhen(
  rule: AlertRule,
  settings: { engagementWindowDays: number; alertRules: Record<AlertTimingSetting, number> },
): { label: string; value: string } {
  const { label, describe } = ALERT_CATALOGUE[rule].firesWhen;
  const timing = ALERT_TIMINGS.find((candidate) => candidate.rule === rule);
  return {
    label,
    value: describe(timing ? settings.alertRules[timing.setting] : settings.engagementWindowDays),
  };
}

/** One text per rule, picked from its facts: the web app's labels. */
export function textByRule(pick: (facts: AlertRuleFacts) => string): Record<AlertRule, string> {
  return Object.fromEntries(
    Object.entries(ALERT_CATALOGUE).map(([rule, facts]) => [rule, pick(facts)]),
  ) as Record<AlertRule, string>;
}
