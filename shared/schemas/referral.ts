import { z } from 'zod';
import { PATHWAYS } from '../domain/values.ts';
import { DisplayName, Id, ListQuery, RecordMeta } from './common.ts';
import { DateOnly, DateTime } from './dates.ts';

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
export const Establishment = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be the 3-letter prison code, like HEI for HMP Hewell'));

/** `POST /people/{personId}/referrals`. */
export const CreateReferralBody = z.strictObject({
  pathway: enumOf(PATHWAYS),
  areaId: Id,
  source: DisplayName.max(80, 'must be at most 80 characters'),
  referredOn: DateOnly,
  expectedReleaseOn: DateOnly.optional(),
  assignedTo: Id.optional(),
});

export const ReleaseBody = z.strictObject({
  releasedOn: DateOnly,
  establishment: Establishment.optional(),
  releaseType: enumOf(RELEASE_TYPES),
});

export const CreateAppointmentBody = z.strictObject({
  at: DateTime,
  location: DisplayName.max(120, 'must be at most 120 characters'),
  kind: enumOf(APPOINTMENT_KINDS),
});

export const UpdateAppointmentBody = z.strictObject({
  status: enumOf(APPOINTMENT_STATUSES),
  at: DateTime.optional(),
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

export const Referral = RecordMeta.extend({
  personId: z.string(),
  pathway: z.enum(PATHWAYS),
  areaId: z.string(),
  source: z.string(),
  referredOn: z.string(),
  expectedReleaseOn: z.string().optional(),
  assignedTo: z.string().optional(),
  /** The assigned member's name when assigned, so caseworkers (who cannot list members) see it. */
  assignedToName: z.string().optional(),
  status: z.enum(REFERRAL_STATUSES),
  releasedOn: z.string().optional(),
  releaseType: z.enum(RELEASE_TYPES).optional(),
  establishment: z.string().optional(),
  firstAppointmentAt: z.string().optional(),
  engagedOn: z.string().optional(),
  closedOn: z.string().optional(),
  closeReason: z.enum(CLOSE_REASONS).optional(),
  offences: z.array(z.object({ offendedOn: z.string(), recordedAt: z.string() })),
});
export type Referral = z.infer<typeof Referral>;

/** `GET /referrals`: the caseload. */
export const CaseloadQuery = ListQuery.extend({
  areaId: Id.optional(),
  status: enumOf(REFERRAL_STATUSES).optional(),
  pathway: enumOf(PATHWAYS).optional(),
  due: enumOf(['overdue', 'today', 'week'] as const).optional(),
});

export const AuditQuery = ListQuery.extend({ personId: Id });
