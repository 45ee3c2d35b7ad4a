import { PATHWAYS } from '../domain/values.ts';
import { DisplayName, Id, ListQuery, RecordMeta } from './common.ts';
import { DateOnly, DateTime } from './dates.ts';
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
});
export type Referral = z.infer<typeof Referral>;

/** `GET /referrals`: the caseload. */
export const CaseloadQuery = z.extend(ListQuery, {
  areaId: z.optional(Id),
  status: z.optional(enumOf(REFERRAL_STATUSES)),
  pathway: z.optional(enumOf(PATHWAYS)),
  due: z.optional(enumOf(['overdue', 'today', 'week'] as const)),
});

export const AuditQuery = z.extend(ListQuery, { personId: Id });
