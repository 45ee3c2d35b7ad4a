import type { TimelineKind } from '../data/timeline.ts';
import { RISK_FLAGS } from '../domain/risk-flags.ts';
import { ALERT_RULES } from '../domain/values.ts';
import { AlertSchema } from './alert.ts';
import { answer, listOf } from './common.ts';
import { Appointment, Referral } from './referral.ts';
import * as z from './zod.ts';

/**
 * The views of a case the caseload, the case page and its timeline answer with
 * (`GET /referrals`, `GET /referrals/{referralId}`, `GET /referrals/{referralId}/timeline`).
 */

/** The person as a case names them: enough to recognise them, nothing more. */
export const PersonSummary = answer(() =>
  z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string(),
    prisonNumber: z.optional(z.string()),
  }),
);
export type PersonSummary = z.infer<typeof PersonSummary>;

/**
 * The case's next action as last computed (absent when there is none): the earliest of its
 * unresolved alerts and the alerts still to come.
 */
const nextDue = {
  nextDueAt: z.optional(z.string()),
  nextDueRule: z.optional(z.enum(ALERT_RULES)),
};

export const NextAction = z.nullable(
  z.object({ rule: z.enum(ALERT_RULES), dueAt: z.string(), overdue: z.boolean() }),
);
export const RiskFlags = z.array(z.enum(RISK_FLAGS));

/** Where a case stands now: its next action, its day since release and its risks. */
const progress = {
  nextAction: NextAction,
  daysSinceRelease: z.nullable(z.number().check(z.int())),
  riskFlags: RiskFlags,
};

/** One row of the caseload (`GET /referrals`): the referral, its person and whether it is overdue. */
export const CaseloadRow = answer(() =>
  z.extend(Referral, {
    ...nextDue,
    ...progress,
    /** Absent only if the person's record could not be read. */
    person: z.optional(PersonSummary),
    overdue: z.boolean(),
  }),
);

export type CaseloadRow = z.infer<typeof CaseloadRow>;

export const Caseload = answer(() => listOf(CaseloadRow));

/** An alert as it hangs under its case (the stored alert: no case reference, with its record times). */
export const CaseAlert = answer(() =>
  z.extend(z.omit(AlertSchema, { caseReference: true, reference: true, person: true }), {
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);
export type CaseAlert = z.infer<typeof CaseAlert>;

/** `GET /referrals/{referralId}`: the case with its person summary, appointments and alerts. */
export const CaseView = answer(() =>
  z.extend(Referral, {
    ...nextDue,
    ...progress,
    windowDays: z.nullable(z.number().check(z.int())),
    windowClosesOn: z.nullable(z.string()),
    person: PersonSummary,
    /** Earliest first. */
    appointments: z.array(Appointment),
    alerts: z.array(CaseAlert),
  }),
);
export type CaseView = z.infer<typeof CaseView>;

export const TIMELINE_KINDS = [
  'referred',
  'released',
  'release_event',
  'appointment_booked',
  'appointment_updated',
  'engaged',
  'closed',
  'offence_recorded',
  'alert_raised',
  'alert_updated',
  'referral_updated',
  'release_planned',
  'contact_recorded',
] as const satisfies readonly TimelineKind[];

/** One event of a case's timeline: what happened, when and by whom (a member, or the service). */
export const TimelineEvent = answer(() =>
  z.object({
    id: z.string(),
    referralId: z.string(),
    at: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    summary: z.string(),
    by: z.object({ memberId: z.string(), name: z.string() }),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
);
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** `GET /referrals/{referralId}/timeline`: oldest first. */
export const Timeline = answer(() => listOf(TimelineEvent));
