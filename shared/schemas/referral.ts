import { ALERT_RULES, PATHWAYS } from '../domain/values.ts';
import { DisplayName, Id, ListQuery, RecordMeta } from './common.ts';
import { DateOnly, DateTime } from './dates.ts';
import { Programme, Programmes } from './programme.ts';
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
export const APPOINTMENT_KINDS = [
  'first',
  'follow_up',
  'initial_assessment',
  'follow_up_assessment',
  'session',
] as const;
/** How an appointment or a DIVERT session is held. */
export const APPOINTMENT_MODES = ['in_person', 'video', 'phone'] as const;
/** A drug test on arrest that leads to a required assessment is positive for one of these. */
export const TEST_RESULTS = ['opiates', 'cocaine', 'both'] as const;
export const APPOINTMENT_STATUSES = ['booked', 'attended', 'missed', 'cancelled', 'rescheduled'] as const;
export const CLOSE_REASONS = [
  'engaged_and_completed',
  'returned_to_custody',
  'died',
  'moved_away',
  'declined',
  'lost_contact',
  'transferred',
  'failed_to_attend',
  'completed_programme',
  'failed_to_engage',
  'other',
] as const;

/**
 * A prison as typed: its NOMIS code (HEI) or its name (HMP Hewell, Hewell). The route's rules
 * find it in the register (shared/reference/establishments.ts) and the code is stored.
 */
export const Establishment = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must be a prison’s code or name, like HEI or HMP Hewell'),
    z.maxLength(80, 'must be at most 80 characters'),
  );

/** `test` on a drug-testing-on-arrest referral: the positive test that requires an assessment. */
export const DrugTest = z.strictObject({
  testedOn: DateOnly,
  result: enumOf(TEST_RESULTS),
});

/** `order` on a DRR or ATR referral: the court order and the dates it is reviewed in court. */
export const CourtOrder = z.strictObject({
  madeOn: DateOnly,
  months: z
    .number({ error: 'must be a whole number of months from 1 to 36' })
    .check(
      z.int('must be a whole number of months from 1 to 36'),
      z.gte(1, 'must be a whole number of months from 1 to 36'),
      z.lte(36, 'must be a whole number of months from 1 to 36'),
    ),
  court: DisplayName.check(z.maxLength(120, 'must be at most 120 characters')),
  reviewDates: z.array(DateOnly).check(
    z.maxLength(36, 'must hold at most 36 review dates'),
    z.refine((dates) => new Set(dates).size === dates.length, 'must not name a review date twice'),
  ),
});
export type CourtOrder = z.infer<typeof CourtOrder>;

/** The fields of one pathway or a few (shared/domain/pathways.ts says which), on a create or a PATCH. */
const pathwayDetails = {
  test: z.optional(DrugTest),
  communityResolutionOn: z.optional(DateOnly),
  custodySuiteId: z.optional(Id),
  order: z.optional(CourtOrder),
};

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
    establishment: z.optional(Establishment),
    ...pathwayDetails,
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
  programmes: z.optional(Programmes),
  ...pathwayDetails,
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
  mode: z.optional(enumOf(APPOINTMENT_MODES)),
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
  mode: z.optional(z.enum(APPOINTMENT_MODES)),
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
  /** Drug testing on arrest: the positive test. */
  test: z.optional(z.object({ testedOn: z.string(), result: z.enum(TEST_RESULTS) })),
  /** DIVERT: the day the community resolution was given. */
  communityResolutionOn: z.optional(z.string()),
  /** Arrest referral (and optionally drug testing on arrest and DIVERT): the partnership's custody suite. */
  custodySuiteId: z.optional(z.string()),
  /** DRR and ATR: the court order. */
  order: z.optional(
    z.object({ madeOn: z.string(), months: z.number(), court: z.string(), reviewDates: z.array(z.string()) }),
  ),
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
  programme: z.optional(Programme),
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
