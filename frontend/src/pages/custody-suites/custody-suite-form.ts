import { CreateCustodySuiteBody } from '../../../../shared/schemas/custody-suite.ts';
import type { CreateCustodySuiteInput } from '../../api/types.ts';
import { type FieldError, type FormSpec, fieldErrors, zodMessages } from '../../forms/field-errors.ts';

/** The radio that types a suite of one's own instead of a suggested one. */
export const ANOTHER_SUITE = 'another';

/** What the chair chooses and types for a custody suite. */
export interface CustodySuiteFormValues {
  policeForce: string;
  /** A suggested suite's name, or ANOTHER_SUITE to type one (the name input). */
  suggestion: string;
  name: string;
  areaIds: string[];
}

/** Field ids and labels in page order; a name typed in is the `name` input, a chosen one the radios. */
export function custodySuiteFormSpec(nameInput: 'name' | 'suggestion'): FormSpec {
  return {
    fields: [
      { id: 'policeForce', label: 'Police force' },
      ...(nameInput === 'suggestion' ? [{ id: 'suggestion', label: 'Custody suite' }] : []),
      { id: 'name', label: 'Name of the custody suite' },
      { id: 'areaIds', label: 'Areas it serves' },
    ],
    codes: { duplicate: nameInput },
    aliases: nameInput === 'suggestion' ? { name: 'suggestion' } : {},
  };
}

/** The suite's name from the values: the suggestion chosen, or the name typed. */
export function chosenName(values: CustodySuiteFormValues): string {
  return values.suggestion && values.suggestion !== ANOTHER_SUITE ? values.suggestion : values.name.trim();
}

/**
 * Checks the values with the API's schema and builds the body, or answers the errors.
 * `suggested` is whether the page offered suggestions (so the name came from radios).
 */
export function custodySuiteBody(
  values: CustodySuiteFormValues,
  suggested: boolean,
): { body: CreateCustodySuiteInput; errors?: undefined } | { errors: FieldError[] } {
  const typing = !suggested || values.suggestion === ANOTHER_SUITE;
  const spec = custodySuiteFormSpec(typing ? 'name' : 'suggestion');
  const parsed = CreateCustodySuiteBody.safeParse({
    name: chosenName(values),
    policeForce: values.policeForce,
    areaIds: values.areaIds,
  });
  const messages = parsed.success ? {} : zodMessages(parsed.error);
  if (values.policeForce.trim() === '') {
    // The suite is asked for once the force is chosen.
    messages.policeForce = 'Select the police force';
    delete messages.name;
  } else if (suggested && values.suggestion === '') {
    delete messages.name;
    messages.suggestion = 'Select the custody suite, or choose another one and type its name';
  } else if (chosenName(values) === '') messages.name = 'Enter the name of the custody suite';
  if (values.areaIds.length === 0) messages.areaIds = 'Select the areas the custody suite serves';
  if (Object.keys(messages).length > 0 || !parsed.success) return { errors: fieldErrors(messages, spec) };
  return { body: parsed.data };
}

/** A suite's name as it is compared: letters and digits only, any case, without "police station" or "custody suite". */
const nameKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/(policestation|custodysuite|custody)$/, '');

/** True when two names are one suite's, as people write it ("Kidderminster", "Kidderminster Police Station"). */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);
