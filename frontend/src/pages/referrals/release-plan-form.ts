import type { Accommodation, ReleasePlan, ReleasePlanInput } from '../../api/types.ts';
import { PLAN_ANSWER_LABELS } from '../../cases/release-labels.ts';
import { PLAN_ANSWERS, type PlanAnswerField } from '../../cases/release-values.ts';
import { apiFormSpec, inPageOrder } from '../../forms/api-form.ts';
import type { FieldError } from '../../forms/field-errors.ts';

/** A yes/no/not known radio's value ('' until one is chosen, which is sent as not known). */
export type AnswerChoice = 'yes' | 'no' | 'not_known' | '';

/** What staff choose and type on the release plan form. */
export type ReleasePlanValues = Record<PlanAnswerField, AnswerChoice> & {
  accommodation: string;
  practitionerName: string;
  practitionerEmail: string;
  notes: string;
};

const MAX_NOTES = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field ids (from the API's paths) and labels, in page order. */
export const RELEASE_PLAN_FORM = apiFormSpec([
  { path: 'accommodation', label: 'Accommodation on release' },
  ...PLAN_ANSWERS.map((path) => ({ path, label: PLAN_ANSWER_LABELS[path] })),
  { path: 'probationPractitioner.name', label: 'Probation practitioner’s name' },
  { path: 'probationPractitioner.email', label: 'Probation practitioner’s email' },
  { path: 'notes', label: 'Notes' },
]);

const choiceOf = (value: boolean | null | undefined): AnswerChoice =>
  value === true ? 'yes' : value === false ? 'no' : value === null ? 'not_known' : '';

const answerOf = (choice: AnswerChoice): boolean | null =>
  choice === 'yes' ? true : choice === 'no' ? false : null;

/** The form's values for the plan as saved, or empty ones for a first plan. */
export function releasePlanValues(plan: ReleasePlan | undefined): ReleasePlanValues {
  const answers = Object.fromEntries(PLAN_ANSWERS.map((field) => [field, choiceOf(plan?.[field])])) as Record<
    PlanAnswerField,
    AnswerChoice
  >;
  return {
    ...answers,
    accommodation: plan?.accommodation ?? '',
    practitionerName: plan?.probationPractitioner?.name ?? '',
    practitionerEmail: plan?.probationPractitioner?.email ?? '',
    notes: plan?.notes ?? '',
  };
}

/** Checks the typed values and builds the `PUT /referrals/{id}/release-plan` body, or answers every problem. */
export function releasePlanBody(
  values: ReleasePlanValues,
): { body: ReleasePlanInput; errors?: undefined } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (values.accommodation === '') {
    errors.push({ field: 'accommodation', message: 'Select where they will live on release, or not known' });
  }
  const name = values.practitionerName.trim();
  const email = values.practitionerEmail.trim();
  if (email && !name) {
    errors.push({ field: 'probationPractitioner-name', message: 'Enter the probation practitioner’s name' });
  }
  if (name && !email) {
    errors.push({
      field: 'probationPractitioner-email',
      message: 'Enter the probation practitioner’s email',
    });
  } else if (email && !EMAIL.test(email)) {
    errors.push({
      field: 'probationPractitioner-email',
      message: 'Enter an email address in the correct format, like name@example.gov.uk',
    });
  }
  const notes = values.notes.trim();
  if (notes.length > MAX_NOTES) {
    errors.push({
      field: 'notes',
      message: `Notes must be ${MAX_NOTES.toLocaleString('en-GB')} characters or fewer`,
    });
  }
  if (errors.length > 0) return { errors: inPageOrder(errors, RELEASE_PLAN_FORM) };
  const answers = Object.fromEntries(PLAN_ANSWERS.map((field) => [field, answerOf(values[field])])) as Record<
    PlanAnswerField,
    boolean | null
  >;
  return {
    body: {
      accommodation: values.accommodation as Accommodation,
      ...answers,
      probationPractitioner: name ? { name, email } : null,
      ...(notes ? { notes } : {}),
    },
  };
}
