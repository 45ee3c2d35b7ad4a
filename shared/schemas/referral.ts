import { ALERT_RULES, PATHWAYS } from '../domain/values.ts';
import { DisplayName, Id, ListQuery, RecordMeta } from './common.ts';
import { DateOnly, DateTime } from './dates.ts';
import { ReleasePlan } from './release-plan.ts';
import * as z from './zod.ts';

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const REFERRAL_STATUSES = ['referred', 'released', 'engaged', 'closed'] as const;
export const RELEASE_TYPES = [
  'sentence_end',
  'licence',
  'home_detention_curfew',
  'early_release',
  'remand',
  'other',
] as const;
export const APPOINTMENT_KINDS = ['first', 'follow_up'] as const;
export const APPOINTMENT_STATUSES = ['booked', 'attended', 'missed', 'cancelled', 'rescheduled'] as const;
export const CLOSE_REASONS = [
  'engaged_and_completed',
  'returned_to_custody',
  'died',
  'moved_away',
  'declined',
  'lost_contact',
  'transferred',
  'other',
] as const;

/** NOMIS agency id of a prison, e.g. HEI (HMP Hewell). */
export const Establishment = z.pipe(
  z.pipe(
    z.string().check(z.trim()),
    z.transform((value: string) => value.toUpperCase()),
  ),
  z.string().check(z.regex(/^[A-Z]{3}$/, 'must be the 3-letter prison code, like HEI for HMP Hewell')),
);

/** A programme a referral is tagged with, such as `through_the_gate` or `starting_point_plus`. */
export const Programme = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a programme code such as starting_point_plus'));

export const Programmes = z.array(Programme).check(
  z.maxLength(10, 'must name at most 10 programmes'),
  z.refine((list) => new Set(list).size === list.length, 'must not name a programme twice'),
);

const Reason = DisplayName.check(z.maxLength(500, 'must be at most 500 characters'));

/**
 * `PATCH /referrals/{referralId}`: assignment, planning facts, a move to another area, and
 * corrections of recorded dates (which need a reason).
 */
export const UpdateReferralBody = z
  .strictObject({
    assignedTo: z.optional(z.nullable(Id)),
    expectedReleaseOn: z.optional(z.nullable(DateOnly)),
    source: z.optional(DisplayName.check(z.maxLength(80, 'must be at most 80 characters'))),
    areaId: z.optional(Id),
    programmes: z.optional(Programmes),
    releasedOn: z.optional(DateOnly),
    engagedOn: z.optional(DateOnly),
    reason: z.optional(Reason),
  })
  .check(
    z.refine((body) => Object.keys(body).some((field) => field !== 'reason'), {
      message: 'send at least one field to change',
    }),
  );

/** `POST /people/{personId}/referrals`. */
export const CreateReferralBody = z.strictObject({
  pathway: enumOf(PATHWAYS),
  areaId: Id,
  source: DisplayName.check(z.maxLength(80, 'must be at most 80 characters')),
  referredOn: DateOnly,
  expectedReleaseOn: z.optional(DateOnly),
  assignedTo: z.optional(Id),
});

export const ReleaseBody = z.strictObject({
  releasedOn: DateOnly,
  establishment: z.optional(Establishment),
  releaseType: enumOf(RELEASE_TYPES),
});

export const CreateAppointmentBody = z.strictObject({
  at: DateTime,
  location: DisplayName.check(z.maxLength(120, 'must be at most 120 characters')),
  kind: enumOf(APPOINTMENT_KINDS),
});

export const UpdateAppointmentBody = z.strictObject({
  status: enumOf(APPOINTMENT_STATUSES),
  at: z.optional(DateTime),
});

export const EngagementBody = z.strictObject({ startedOn: DateOnly });
export const CloseBody = z.strictObject({ reason: enumOf(CLOSE_REASONS), closedOn: DateOnly });
export const OffenceBody = z.strictObject({ offendedOn: DateOnly });

export const Appointment = z.object({
  id: z.string(),
  referralId: z.string(),
  at: z.string(),
  location: z.string(),
  kind: z.enum(APPOINTMENT_KINDS),
  status: z.enum(APPOINTMENT_STATUSES),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Appointment = z.infer<typeof Appointment>;

export const Referral = z.extend(RecordMeta, {
  personId: z.string(),
  pathway: z.enum(PATHWAYS),
  areaId: z.string(),
  source: z.string(),
  referredOn: z.string(),
  expectedReleaseOn: z.optional(z.string()),
  assignedTo: z.optional(z.string()),
  /** The assigned member's name when assigned, so caseworkers (who cannot list members) see it. */
  assignedToName: z.optional(z.string()),
  status: z.enum(REFERRAL_STATUSES),
  releasedOn: z.optional(z.string()),
  releaseType: z.optional(z.enum(RELEASE_TYPES)),
  establishment: z.optional(z.string()),
  firstAppointmentAt: z.optional(z.string()),
  engagedOn: z.optional(z.string()),
  closedOn: z.optional(z.string()),
  closeReason: z.optional(z.enum(CLOSE_REASONS)),
  offences: z.array(z.object({ offendedOn: z.string(), recordedAt: z.string() })),
  /** The short reference alert emails name the case by, e.g. C-CMBWEK1X. */
  reference: z.string(),
  programmes: z.array(z.string()),
  releasePlan: z.optional(ReleasePlan),
  /** The person's substance group when the case was opened: the worklist's risk of no OST reads it. */
  substanceGroup: z.optional(z.string()),
  /** Alerts on the case with status open. */
  openAlerts: z.number().check(z.int()),
  contactCounts: z.object({ preRelease: z.number().check(z.int()), postRelease: z.number().check(z.int()) }),
  lastContactAt: z.optional(z.string()),
  /** The risks known from what is recorded (API.md worklist `riskFlags`, less the clock's `first_days`). */
  riskFlags: z.optional(z.array(z.string())),
  /** The engagement window in days when the case last changed, and its last day once released. */
  windowDays: z.optional(z.nullable(z.number().check(z.int()))),
  windowClosesOn: z.optional(z.nullable(z.string())),
  /** The case's next action as last computed: when it falls due, and its alert rule. */
  nextDueAt: z.optional(z.string()),
  nextDueRule: z.optional(z.enum(ALERT_RULES)),
});
export type Referral = z.infer<typeof Referral>;

/** Whose cases a list shows: the caller's, nobody's, or everyone's. */
export const ASSIGNEE_FILTERS = ['me', 'unassigned', 'all'] as const;
/** The caseload's columns it can be sorted by, across the whole caseload. */
export const CASELOAD_SORTS = [
  'next_action',
  'name',
  'pathway',
  'status',
  'released',
  'expected_release',
  'referred',
  'assignee',
] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

/** `GET /referrals`: the caseload. */
export const CaseloadQuery = z.extend(ListQuery, {
  areaId: z.optional(Id),
  status: z.optional(enumOf(REFERRAL_STATUSES)),
  pathway: z.optional(enumOf(PATHWAYS)),
  due: z.optional(enumOf(['overdue', 'today', 'week'] as const)),
  assignee: z.optional(enumOf(ASSIGNEE_FILTERS)),
  releasingWithinDays: z.optional(
    z.coerce
      .number({ error: 'must be a whole number of days from 1 to 365' })
      .check(
        z.int('must be a whole number of days from 1 to 365'),
        z.gte(1, 'must be a whole number of days from 1 to 365'),
        z.lte(365, 'must be a whole number of days from 1 to 365'),
      ),
  ),
  sort: z.optional(enumOf(CASELOAD_SORTS)),
  order: z.optional(enumOf(['asc', 'desc'] as const)),
});

/** `GET /worklist`. */
export const WorklistQuery = z.extend(ListQuery, {
  areaId: z.optional(Id),
  assignee: z.optional(enumOf(ASSIGNEE_FILTERS)),
});

/** `GET /worklist/counts`: the same filters, no paging. */
export const WorklistCountsQuery = z.object({
  areaId: z.optional(Id),
  assignee: z.optional(enumOf(ASSIGNEE_FILTERS)),
});

export const AuditQuery = z.extend(ListQuery, { personId: Id });
