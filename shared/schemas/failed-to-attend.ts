import { answer, Id } from './common.ts';
import { DateOnly } from './dates.ts';
import { APPOINTMENT_KINDS, TEST_RESULTS } from './referral.ts';
import * as z from './zod.ts';

/**
 * `GET /failed-to-attend`: the drug-testing-on-arrest cases closed as failed to attend, which the
 * manager passes to the police under the local protocol. Closed on `from` to `to` (both
 * optional, inclusive), newest first.
 */
export const FailedToAttendQuery = z.object({
  areaId: z.optional(Id),
  from: z.optional(DateOnly),
  to: z.optional(DateOnly),
});

/** One case on the list: who, where they were tested, and the required assessments they missed. */
export const FailedToAttendEntry = z.object({
  referralId: z.string(),
  reference: z.string(),
  areaId: z.string(),
  person: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string(),
    prisonNumber: z.optional(z.string()),
  }),
  custodySuiteId: z.optional(z.string()),
  custodySuiteName: z.optional(z.string()),
  test: z.optional(z.object({ testedOn: z.string(), result: z.enum(TEST_RESULTS) })),
  /** The required assessments marked missed (or left booked past their time). */
  missedAssessments: z.array(z.object({ kind: z.enum(APPOINTMENT_KINDS), at: z.string() })),
  closedOn: z.string(),
});

export const FailedToAttendList = answer(() => z.object({ items: z.array(FailedToAttendEntry) }));
export type FailedToAttendList = z.infer<typeof FailedToAttendList>;
