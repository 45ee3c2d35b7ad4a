/**
 * The values of the release work (API.md "Cases staff can correct and plan"), in the contract's
 * order: the radios and labels are built from these.
 */

export const ACCOMMODATIONS = [
  'settled',
  'temporary',
  'approved_premises',
  'no_fixed_abode',
  'not_known',
] as const;
export const CONTACT_METHODS = ['in_person', 'phone', 'video', 'letter', 'message', 'other'] as const;
export const CONTACT_OUTCOMES = ['made', 'attempted', 'declined'] as const;
export const CONTACT_STAGES = ['pre_release', 'post_release'] as const;
export const RISK_FLAGS = [
  'no_fixed_abode',
  'no_ost_at_release',
  'no_naloxone',
  'first_days',
  'no_first_appointment',
  'missed_first_appointment',
] as const;

/** The worklist's tabs and the caseload's "my cases" filter (`assignee=`). */
export const WORKLIST_TABS = ['me', 'unassigned', 'all'] as const;

/** Programmes a partnership may run, offered when its settings name none. */
export const KNOWN_PROGRAMMES = ['through_the_gate', 'starting_point_plus', 'reconnect'] as const;

/** The release plan's yes/no/not known questions, in the form's order. */
export const PLAN_ANSWERS = [
  'onOstAtRelease',
  'bridgingPrescription',
  'naloxoneIssued',
  'gpRegistered',
  'housingReferralMade',
  'metAtGate',
] as const;
export type PlanAnswerField = (typeof PLAN_ANSWERS)[number];
