import { textByRule } from '../../../shared/domain/alert-catalogue.ts';
import type { PATHWAYS, PERSON_FLAGS, SEXES, SUBSTANCE_GROUPS } from '../../../shared/domain/values.ts';
import type {
  APPOINTMENT_KINDS,
  APPOINTMENT_MODES,
  APPOINTMENT_STATUSES,
  CLOSE_REASONS,
  REFERRAL_STATUSES,
  RELEASE_TYPES,
  TEST_RESULTS,
} from '../../../shared/schemas/referral.ts';
import type { Choice } from '../components/ChoiceList.tsx';
import type { TagColour } from '../components/Tag.tsx';
import { PROGRAMME_LABELS } from './release-labels.ts';

/** Plain-English words for the API's values (API.md "Values"), as shown in pages and radios. */

export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  not_known: 'Not known',
};

export const SUBSTANCE_GROUP_LABELS: Record<(typeof SUBSTANCE_GROUPS)[number], string> = {
  opiate: 'Opiate',
  non_opiate: 'Non-opiate only',
  non_opiate_and_alcohol: 'Non-opiate and alcohol',
  alcohol: 'Alcohol only',
};

export const FLAG_LABELS: Record<(typeof PERSON_FLAGS)[number], string> = {
  veteran: 'Veteran',
};

export const PATHWAY_LABELS: Record<(typeof PATHWAYS)[number], string> = {
  continuity_of_care: 'Continuity of care (prison release)',
  divert: 'DIVERT',
  arrest_referral: 'Arrest referral',
  drug_testing_on_arrest: 'Drug testing on arrest',
  drr: 'Drug rehabilitation requirement',
  atr: 'Alcohol treatment requirement',
  through_the_gate: 'Through the Gate (older records)',
  other: 'Other',
};

export const STATUS_LABELS: Record<(typeof REFERRAL_STATUSES)[number], string> = {
  referred: 'Referred',
  released: 'Released',
  engaged: 'Treatment started',
  closed: 'Closed',
};

/** A case's status in words; engaged on DIVERT is a session attended, not a treatment start. */
export function statusLabel(record: { status: (typeof REFERRAL_STATUSES)[number]; pathway: string }): string {
  if (record.status === 'engaged' && record.pathway === 'divert') return 'Engaged';
  return STATUS_LABELS[record.status] ?? record.status;
}

export const STATUS_COLOURS: Record<(typeof REFERRAL_STATUSES)[number], TagColour> = {
  referred: 'blue',
  released: 'yellow',
  engaged: 'green',
  closed: 'grey',
};

export const RELEASE_TYPE_LABELS: Record<(typeof RELEASE_TYPES)[number], string> = {
  sentence_end: 'End of sentence',
  licence: 'On licence',
  home_detention_curfew: 'Home detention curfew',
  early_release: 'Early release scheme',
  remand: 'Released from remand',
  other: 'Other',
};

export const APPOINTMENT_KIND_LABELS: Record<(typeof APPOINTMENT_KINDS)[number], string> = {
  first: 'First appointment',
  follow_up: 'Follow-up appointment',
  initial_assessment: 'Initial required assessment',
  follow_up_assessment: 'Follow-up required assessment',
  session: 'DIVERT session',
};

/** How an appointment or a DIVERT session is held. */
export const APPOINTMENT_MODE_LABELS: Record<(typeof APPOINTMENT_MODES)[number], string> = {
  in_person: 'In person',
  video: 'Video call',
  phone: 'Phone call',
};

/** What a drug test on arrest was positive for. */
export const TEST_RESULT_LABELS: Record<(typeof TEST_RESULTS)[number], string> = {
  opiates: 'Opiates',
  cocaine: 'Cocaine',
  both: 'Opiates and cocaine',
};

/**
 * A programme's name: the service's own words for the programmes it knows, a partnership's own
 * code written as words ("hope_project" → "Hope project").
 */
export function programmeName(code: string): string {
  const known = (PROGRAMME_LABELS as Record<string, string>)[code];
  if (known) return known;
  const words = code.replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const APPOINTMENT_STATUS_LABELS: Record<(typeof APPOINTMENT_STATUSES)[number], string> = {
  booked: 'Booked',
  attended: 'Attended',
  missed: 'Missed',
  cancelled: 'Cancelled',
  rescheduled: 'Moved',
};

export const CLOSE_REASON_LABELS: Record<(typeof CLOSE_REASONS)[number], string> = {
  engaged_and_completed: 'Engaged in treatment and completed',
  returned_to_custody: 'Returned to custody',
  died: 'Died',
  moved_away: 'Moved away',
  declined: 'Declined treatment',
  lost_contact: 'Lost contact',
  transferred: 'Transferred to another service',
  failed_to_attend: 'Failed to attend a required assessment',
  completed_programme: 'Completed the programme',
  failed_to_engage: 'Failed to engage',
  other: 'Other',
};

/** What each alert rule asks of the team, as the next action due (the alert catalogue's words). */
export const ALERT_RULE_LABELS: Record<string, string> = textByRule((facts) => facts.nextAction);

/** The plain-English name of each alert rule: what happened. */
export const ALERT_RULE_NAMES: Record<string, string> = textByRule((facts) => facts.name);

export const ALERT_STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export const ALERT_STATUS_COLOURS: Record<string, TagColour> = {
  open: 'red',
  acknowledged: 'yellow',
  resolved: 'grey',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'Created',
  read: 'Viewed',
  update: 'Changed',
  search: 'Found in a search',
  list: 'Listed in the caseload',
};

export const AUDIT_RECORD_LABELS: Record<string, string> = {
  person: 'personal details',
  referral: 'case',
  timeline: 'case timeline',
  appointment: 'appointment',
};

/** A label for a value, or the value in words when the app does not know it yet. */
export function labelFor(labels: Record<string, string>, value: string | undefined): string {
  if (value === undefined) return '';
  return labels[value] ?? value.replaceAll('_', ' ');
}

/** Radio or select items for every value of one of the API's enumerations, in its order, with their labels. */
export function choicesOf<V extends string>(values: readonly V[], labels: Record<V, string>): Choice[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
