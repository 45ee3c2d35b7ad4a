import type { TagColour } from '../components/Tag.tsx';
import type {
  ACCOMMODATIONS,
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  CONTACT_STAGES,
  KNOWN_PROGRAMMES,
  PlanAnswerField,
  RISK_FLAGS,
} from './release-values.ts';

/** Plain-English words for the release work's values, as shown in pages and radios. */

export const ACCOMMODATION_LABELS: Record<(typeof ACCOMMODATIONS)[number], string> = {
  settled: 'Settled accommodation',
  temporary: 'Temporary accommodation',
  approved_premises: 'Approved premises',
  no_fixed_abode: 'No fixed abode',
  not_known: 'Not known',
};

export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  in_person: 'In person',
  phone: 'Phone call',
  video: 'Video call',
  letter: 'Letter',
  message: 'Text or message',
  other: 'Other',
};

export const CONTACT_OUTCOME_LABELS: Record<(typeof CONTACT_OUTCOMES)[number], string> = {
  made: 'Spoke with them',
  attempted: 'Tried, but did not reach them',
  declined: 'They declined to speak',
};

export const CONTACT_STAGE_LABELS: Record<(typeof CONTACT_STAGES)[number], string> = {
  pre_release: 'Before release',
  post_release: 'After release',
};

export const CONTACT_STAGE_COLOURS: Record<(typeof CONTACT_STAGES)[number], TagColour> = {
  pre_release: 'blue',
  post_release: 'green',
};

/** The risk tags of a case or worklist item, in words. */
export const RISK_FLAG_LABELS: Record<(typeof RISK_FLAGS)[number], string> = {
  no_fixed_abode: 'No fixed abode',
  no_ost_at_release: 'Not on OST at release',
  no_naloxone: 'No naloxone',
  first_days: 'First days after release',
  no_first_appointment: 'No first appointment',
  missed_first_appointment: 'Missed first appointment',
};

export const RISK_FLAG_COLOURS: Record<(typeof RISK_FLAGS)[number], TagColour> = {
  no_fixed_abode: 'red',
  no_ost_at_release: 'red',
  no_naloxone: 'orange',
  first_days: 'purple',
  no_first_appointment: 'orange',
  missed_first_appointment: 'red',
};

export const PROGRAMME_LABELS: Record<(typeof KNOWN_PROGRAMMES)[number], string> = {
  through_the_gate: 'Through the Gate',
  starting_point_plus: 'Starting Point Plus',
  reconnect: 'RECONNECT',
};

/** The release plan's yes/no/not known questions. */
export const PLAN_ANSWER_LABELS: Record<PlanAnswerField, string> = {
  onOstAtRelease: 'On opioid substitution treatment (OST) at release',
  bridgingPrescription: 'Bridging prescription arranged',
  naloxoneIssued: 'Naloxone issued',
  gpRegistered: 'Registered with a GP',
  housingReferralMade: 'Housing referral made',
  metAtGate: 'Met at the gate',
};

/** A yes/no/not known answer in words. */
export function answerText(value: boolean | null | undefined): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return 'Not known';
}
