import type { PERSON_FLAGS, SEXES, SUBSTANCE_GROUPS } from '../../../../shared/domain/values.ts';
import { CreatePersonBody } from '../../../../shared/schemas/person.ts';
import { ApiError } from '../../api/errors.ts';
import type { CreatePersonInput, Person, UpdatePersonInput } from '../../api/types.ts';
import { todayInLondon } from '../../format/dates.ts';
import { apiFormSpec, inPageOrder, readableSubmitErrors } from '../../forms/api-form.ts';
import { type DateParts, datePartsOf, EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import { type FieldError, fieldErrors, zodMessages } from '../../forms/field-errors.ts';

type Sex = (typeof SEXES)[number];
type SubstanceGroup = (typeof SUBSTANCE_GROUPS)[number];
type Flag = (typeof PERSON_FLAGS)[number];

/** What staff type and choose about a person; everything stays as typed until it is sent. */
export interface PersonFormValues {
  givenName: string;
  familyName: string;
  dateOfBirth: DateParts;
  sex: Sex | '';
  prisonNumber: string;
  nhsNumber: string;
  areaId: string;
  substanceGroup: SubstanceGroup | '';
  flags: string[];
}

/** Field ids (from the API's paths) and labels, in page order. */
export const PERSON_FORM = apiFormSpec([
  { path: 'givenName', label: 'Given name' },
  { path: 'familyName', label: 'Family name' },
  { path: 'dateOfBirth', label: 'Date of birth', date: true },
  { path: 'sex', label: 'Sex' },
  { path: 'prisonNumber', label: 'Prison number' },
  { path: 'nhsNumber', label: 'NHS number' },
  { path: 'areaId', label: 'Area' },
  { path: 'substanceGroup', label: 'Substance group' },
  { path: 'flags', label: 'Other facts' },
]);

/** Empty values for a new person; a caseworker with one area has it chosen already. */
export function newPersonValues(areaIds: readonly string[]): PersonFormValues {
  return {
    givenName: '',
    familyName: '',
    dateOfBirth: { ...EMPTY_DATE },
    sex: '',
    prisonNumber: '',
    nhsNumber: '',
    areaId: areaIds.length === 1 ? (areaIds[0] as string) : '',
    substanceGroup: '',
    flags: [],
  };
}

/** The form's values from a stored person, for the change page. */
export function personFormValues(person: Person): PersonFormValues {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: datePartsOf(person.dateOfBirth),
    sex: person.sex,
    prisonNumber: person.prisonNumber ?? '',
    nhsNumber: person.nhsNumber ?? '',
    areaId: person.areaId,
    substanceGroup: person.substanceGroup,
    flags: [...person.flags],
  };
}

/**
 * Checks the typed values with the API's own schema (and that the date of birth is in the
 * past), answering every problem at once, or the `POST /people` body.
 */
export function personBody(
  values: PersonFormValues,
  today: string = todayInLondon(),
): { body: CreatePersonInput; errors?: undefined } | { errors: FieldError[] } {
  const dateOfBirth = readDate(values.dateOfBirth, {
    id: 'dateOfBirth',
    label: 'Date of birth',
    emptyMessage: 'Enter the date of birth',
  });
  const candidate = {
    givenName: values.givenName,
    familyName: values.familyName,
    dateOfBirth: dateOfBirth.value ?? '',
    sex: values.sex,
    ...(values.prisonNumber.trim() ? { prisonNumber: values.prisonNumber } : {}),
    ...(values.nhsNumber.trim() ? { nhsNumber: values.nhsNumber } : {}),
    areaId: values.areaId,
    substanceGroup: values.substanceGroup,
    flags: values.flags,
  };
  const parsed = CreatePersonBody.safeParse(candidate);
  const messages = parsed.success ? {} : zodMessages(parsed.error);
  delete messages.dateOfBirth;
  if (values.givenName.trim() === '') messages.givenName = 'Enter their given name';
  if (values.familyName.trim() === '') messages.familyName = 'Enter their family name';
  if (values.sex === '') messages.sex = 'Select their sex';
  if (values.areaId === '') messages.areaId = 'Select the area they live in';
  if (values.substanceGroup === '') messages.substanceGroup = 'Select their substance group';
  const errors = fieldErrors(messages, PERSON_FORM);
  if (dateOfBirth.error) errors.push(dateOfBirth.error);
  else if (dateOfBirth.value && dateOfBirth.value >= today) {
    errors.push({ field: 'dateOfBirth-day', message: 'Date of birth must be in the past' });
  }
  if (errors.length > 0 || !parsed.success) return { errors: inPageOrder(errors, PERSON_FORM) };
  return { body: parsed.data };
}

/** The `PATCH /people/{id}` body: only what changed; an emptied number is removed (`null`). */
export function personChanges(person: Person, body: CreatePersonInput): UpdatePersonInput {
  const changes: UpdatePersonInput = {};
  if (body.givenName !== person.givenName) changes.givenName = body.givenName;
  if (body.familyName !== person.familyName) changes.familyName = body.familyName;
  if (body.dateOfBirth !== person.dateOfBirth) changes.dateOfBirth = body.dateOfBirth;
  if (body.sex !== person.sex) changes.sex = body.sex;
  if ((body.prisonNumber ?? null) !== (person.prisonNumber ?? null))
    changes.prisonNumber = body.prisonNumber ?? null;
  if ((body.nhsNumber ?? null) !== (person.nhsNumber ?? null)) changes.nhsNumber = body.nhsNumber ?? null;
  if (body.areaId !== person.areaId) changes.areaId = body.areaId;
  if (body.substanceGroup !== person.substanceGroup) changes.substanceGroup = body.substanceGroup;
  const flags = body.flags ?? [];
  if (flags.join() !== person.flags.join()) changes.flags = flags as Flag[];
  return changes;
}

/**
 * What to show when saving a person failed. A prison number already held by someone links to
 * that person's page (or, if the answer does not name them, to a search for the number).
 */
export function personSaveErrors(error: unknown, prisonNumber: string): FieldError[] {
  if (error instanceof ApiError && error.code === 'duplicate') {
    const href = error.existingId
      ? `/people/${encodeURIComponent(error.existingId)}`
      : `/people/find?q=${encodeURIComponent(prisonNumber.trim())}`;
    return [{ field: 'prisonNumber', href, message: 'A person with this prison number already exists' }];
  }
  return readableSubmitErrors(error, PERSON_FORM);
}
