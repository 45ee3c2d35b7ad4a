import { isValidNhsNumber, normaliseNhsNumber } from '../domain/nhs-number.ts';
import { normalisePrisonNumber, PRISON_NUMBER } from '../domain/prison-number.ts';
import { PERSON_FLAGS, SEXES, SUBSTANCE_GROUPS } from '../domain/values.ts';
import { DisplayName, Id, ListQuery, RecordMeta } from './common.ts';
import { DateOnly } from './dates.ts';
import * as z from './zod.ts';

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const PrisonNumber = z.pipe(
  z.pipe(z.string(), z.transform(normalisePrisonNumber)),
  z
    .string()
    .check(z.regex(PRISON_NUMBER, 'must be a prison number: a letter, 4 digits and 2 letters, like A1234BC')),
);

export const NhsNumber = z.pipe(
  z.pipe(z.string(), z.transform(normaliseNhsNumber)),
  z
    .string()
    .check(
      z.regex(/^\d{10}$/, 'must be 10 digits, like 943 476 5919'),
      z.refine(isValidNhsNumber, 'is not a valid NHS number: check the digits (the last is a check digit)'),
    ),
);

const Name = DisplayName.check(z.maxLength(60, 'must be at most 60 characters'));
const Flags = z.pipe(
  z.array(enumOf(PERSON_FLAGS)).check(z.maxLength(10, 'must name at most 10 flags')),
  z.transform((flags: (typeof PERSON_FLAGS)[number][]) => [...new Set(flags)]),
);

const personFields = {
  givenName: Name,
  familyName: Name,
  dateOfBirth: DateOnly,
  sex: enumOf(SEXES),
  prisonNumber: z.optional(PrisonNumber),
  nhsNumber: z.optional(NhsNumber),
  areaId: Id,
  substanceGroup: enumOf(SUBSTANCE_GROUPS),
  flags: z._default(Flags, []),
};

/**
 * `POST /people`. `notDuplicateOf` confirms that the person is none of the possible duplicates a
 * first attempt answered (`409 possible_duplicate`); it must name every one of them.
 */
export const CreatePersonBody = z.strictObject({
  ...personFields,
  notDuplicateOf: z.optional(
    z.pipe(
      z.array(Id).check(z.maxLength(100, 'must name at most 100 people')),
      z.transform((ids: string[]) => [...new Set(ids)]),
    ),
  ),
});

/** `PATCH /people/{personId}`: any subset of the fields; `null` removes prison or NHS number. */
export const UpdatePersonBody = z
  .strictObject({
    givenName: z.optional(Name),
    familyName: z.optional(Name),
    dateOfBirth: z.optional(DateOnly),
    sex: z.optional(enumOf(SEXES)),
    prisonNumber: z.optional(z.nullable(PrisonNumber)),
    nhsNumber: z.optional(z.nullable(NhsNumber)),
    areaId: z.optional(Id),
    substanceGroup: z.optional(enumOf(SUBSTANCE_GROUPS)),
    flags: z.optional(Flags),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' }));

export const Person = z.extend(RecordMeta, {
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  sex: z.enum(SEXES),
  prisonNumber: z.optional(z.string()),
  nhsNumber: z.optional(z.string()),
  areaId: z.string(),
  substanceGroup: z.enum(SUBSTANCE_GROUPS),
  flags: z.array(z.enum(PERSON_FLAGS)),
  referralIds: z.array(z.string()),
});

/** A person found by search: one found by a case reference names that case. */
export const FoundPerson = z.extend(Person, { referralId: z.optional(z.string()) });

export type Person = z.infer<typeof Person>;

/** `GET /people?q=&areaId=`: a name (or its start) or a prison number. */
export const PeopleQuery = z.extend(ListQuery, {
  q: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, 'type at least 2 characters of a name or a prison number'),
      z.maxLength(60),
    ),
  areaId: z.optional(Id),
});
