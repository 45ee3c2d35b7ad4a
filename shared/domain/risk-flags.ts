/**
 * The risks the worklist tags a case with (API.md "Cases staff can correct and plan"): from its
 * release plan, its first appointment, the person's substance group, and the first days after
 * release.
 */
export const RISK_FLAGS = [
  'no_fixed_abode',
  'no_ost_at_release',
  'no_naloxone',
  'first_days',
  'no_first_appointment',
  'missed_first_appointment',
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];
