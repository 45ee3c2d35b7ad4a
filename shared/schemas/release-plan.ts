import { DisplayName, Email } from './common.ts';
import * as z from './zod.ts';

/** Where the person will live on release (API.md "Release plan fields"). */
export const ACCOMMODATION = [
  'settled',
  'temporary',
  'approved_premises',
  'no_fixed_abode',
  'not_known',
] as const;

/** The yes-or-no facts of a release plan, each `true`, `false` or `null` for not known. */
export const PLAN_FACTS = [
  'onOstAtRelease',
  'bridgingPrescription',
  'naloxoneIssued',
  'gpRegistered',
  'housingReferralMade',
  'metAtGate',
] as const;
export type PlanFact = (typeof PLAN_FACTS)[number];

const known = z.optional(z.nullable(z.boolean({ error: 'must be true, false or null (not known)' })));
const facts = Object.fromEntries(PLAN_FACTS.map((fact) => [fact, known])) as Record<PlanFact, typeof known>;

/** `PUT /referrals/{referralId}/release-plan`: the whole plan; a fact left out is not known. */
export const ReleasePlanBody = z.strictObject({
  accommodation: z.enum(ACCOMMODATION, { error: `must be one of ${ACCOMMODATION.join(', ')}` }),
  ...facts,
  probationPractitioner: z.optional(z.nullable(z.strictObject({ name: DisplayName, email: Email }))),
  notes: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(2000, 'must be at most 2,000 characters'),
        z.regex(/^[^\p{Cs}]*$/u, 'must be text'),
      ),
  ),
});

/** A release plan as stored and answered: every fact present (null when not known), with its own version. */
export const ReleasePlan = z.object({
  accommodation: z.enum(ACCOMMODATION),
  ...(Object.fromEntries(PLAN_FACTS.map((fact) => [fact, z.nullable(z.boolean())])) as Record<
    PlanFact,
    z.ZodMiniNullable<z.ZodMiniBoolean>
  >),
  probationPractitioner: z.nullable(z.object({ name: z.string(), email: z.string() })),
  notes: z.optional(z.string()),
  version: z.number().check(z.int()),
  updatedAt: z.string(),
  updatedBy: z.object({ memberId: z.string(), name: z.string() }),
});
export type ReleasePlan = z.infer<typeof ReleasePlan>;
