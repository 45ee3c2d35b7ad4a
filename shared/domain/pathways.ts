/** Facts about the pathways that the API's rules and the web app both read. */
import type { Pathway } from './values.ts';

/**
 * Pathways that follow a person out of prison, where a release is recorded. `through_the_gate`
 * is kept for old records: Through the Gate is now a programme on a prison release.
 */
export const PRISON_PATHWAYS: readonly string[] = ['continuity_of_care', 'through_the_gate'];

/** True for a pathway with a prison release. */
export const isPrisonPathway = (pathway: string): boolean => PRISON_PATHWAYS.includes(pathway);

/** Each pathway as staff name it, in emails and on the timeline. */
export const PATHWAY_NAMES: Readonly<Record<Pathway, string>> = {
  continuity_of_care: 'continuity of care (prison release)',
  divert: 'DIVERT',
  arrest_referral: 'arrest referral',
  drug_testing_on_arrest: 'drug testing on arrest',
  drr: 'drug rehabilitation requirement',
  atr: 'alcohol treatment requirement',
  through_the_gate: 'Through the Gate (prison release)',
  other: 'other',
};

/** The fields of a referral that belong to one pathway or a few (API.md "Criminal-justice pathways"). */
export const PATHWAY_FIELDS = ['test', 'communityResolutionOn', 'custodySuiteId', 'order'] as const;
export type PathwayField = (typeof PATHWAY_FIELDS)[number];

/** Which pathway fields each pathway has, and which of them a referral must give. */
export const FIELDS_OF_PATHWAY: Readonly<
  Partial<
    Record<Pathway, { readonly allowed: readonly PathwayField[]; readonly required: readonly PathwayField[] }>
  >
> = {
  drug_testing_on_arrest: { allowed: ['test', 'custodySuiteId'], required: ['test'] },
  divert: { allowed: ['communityResolutionOn', 'custodySuiteId'], required: ['communityResolutionOn'] },
  arrest_referral: { allowed: ['custodySuiteId'], required: ['custodySuiteId'] },
  drr: { allowed: ['order'], required: ['order'] },
  atr: { allowed: ['order'], required: ['order'] },
};

/** The pathways a pathway field belongs to, in words, for an error that names it. */
export function pathwaysOfField(field: PathwayField): Pathway[] {
  return (Object.entries(FIELDS_OF_PATHWAY) as [Pathway, { allowed: readonly PathwayField[] }][])
    .filter(([, fields]) => fields.allowed.includes(field))
    .map(([pathway]) => pathway);
}

/** What is wrong with each pathway field given (or missing) for a referral on `pathway`, by field. */
export function pathwayFieldProblems(
  pathway: string,
  given: Partial<Record<PathwayField, unknown>>,
  { requireAll }: { requireAll: boolean },
): Partial<Record<PathwayField, string>> {
  const fields = FIELDS_OF_PATHWAY[pathway as Pathway] ?? { allowed: [], required: [] };
  const problems: Partial<Record<PathwayField, string>> = {};
  for (const field of PATHWAY_FIELDS) {
    const value = given[field];
    if (value !== undefined && !fields.allowed.includes(field)) {
      problems[field] =
        `belongs to the ${pathwaysOfField(field).join(' or ')} pathway, not ${pathway}: leave it out`;
    } else if (requireAll && value === undefined && fields.required.includes(field)) {
      problems[field] = `is required on the ${pathway} pathway`;
    }
  }
  return problems;
}

/** The appointment kinds each pathway books (required assessments, DIVERT sessions, treatment). */
export const APPOINTMENT_KINDS_OF_PATHWAY: Readonly<Record<Pathway, readonly string[]>> = {
  continuity_of_care: ['first', 'follow_up'],
  through_the_gate: ['first', 'follow_up'],
  drug_testing_on_arrest: ['initial_assessment', 'follow_up_assessment', 'first', 'follow_up'],
  divert: ['session'],
  arrest_referral: ['first', 'follow_up'],
  drr: ['first', 'follow_up'],
  atr: ['first', 'follow_up'],
  other: ['first', 'follow_up'],
};

/** The required assessments of drug testing on arrest: failing to attend one is itself an offence. */
export const REQUIRED_ASSESSMENT_KINDS: readonly string[] = ['initial_assessment', 'follow_up_assessment'];

/** Close reasons only some pathways have; every other reason is open to every pathway. */
export const CLOSE_REASONS_OF_PATHWAY: Readonly<Record<string, readonly Pathway[]>> = {
  failed_to_attend: ['drug_testing_on_arrest'],
  completed_programme: ['divert'],
  failed_to_engage: ['divert'],
};

/** True when a case on `pathway` may be closed for `reason`. */
export const closeReasonAllowed = (pathway: string, reason: string): boolean =>
  CLOSE_REASONS_OF_PATHWAY[reason]?.includes(pathway as Pathway) ?? true;

/** Engaged on DIVERT means a session attended; on the others, a treatment start. */
export const engagesBySession = (pathway: string): boolean => pathway === 'divert';
