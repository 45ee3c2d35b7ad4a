/** Enumerations shared by the API, the domain rules and the frontend (API.md "Values"). */
export const MEMBER_ROLES = ['chair', 'manager', 'caseworker', 'analyst'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Operator is the service's own staff: outside every partnership, never sees person-level data. */
export type Role = MemberRole | 'operator';
export const ALL_ROLES: readonly Role[] = [...MEMBER_ROLES, 'operator'];

/** Roles whose members work in named areas; chair and analyst see the whole partnership. */
export const AREA_SCOPED_ROLES: readonly MemberRole[] = ['manager', 'caseworker'];

export const SEXES = ['female', 'male', 'other', 'not_known'] as const;
export const SUBSTANCE_GROUPS = ['opiate', 'non_opiate', 'non_opiate_and_alcohol', 'alcohol'] as const;
/**
 * Lasting facts about a person. The risks that belong to one release (OST, naloxone, no fixed
 * abode) are on that release's plan (shared/schemas/release-plan.ts).
 */
export const PERSON_FLAGS = ['veteran'] as const;
export const PATHWAYS = [
  'continuity_of_care',
  'divert',
  'arrest_referral',
  'drug_testing_on_arrest',
  'drr',
  'atr',
  'through_the_gate',
  'other',
] as const;
export type Pathway = (typeof PATHWAYS)[number];

/**
 * The programmes the service names for a partnership to choose from (API.md "Criminal-justice
 * pathways"); a partnership may add its own codes beside them.
 */
export const KNOWN_PROGRAMMES = ['through_the_gate', 'starting_point_plus', 'reconnect'] as const;
export const ALERT_RULES = [
  'no_first_appointment',
  'first_appointment_missed',
  'engagement_at_risk',
  'engagement_window_missed',
  'release_not_confirmed',
  'alert_unacknowledged',
  'required_assessment_missed',
  'session_missed',
  'court_review_due',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
