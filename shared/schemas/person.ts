import { z } from 'zod';
import { isValidNhsNumber, normaliseNhsNumber } from '../domain/nhs-number.ts';
import { normalisePrisonNumber, PRISON_NUMBER } from '../domain/prison-number.ts';
import { PERSON_FLAGS, SEXES, SUBSTANCE_GROUPS } from '../domain/values.ts';
import { DisplayName, Id, ListQuery, RecordMeta } from './common.ts';
import { DateOnly } from './dates.ts';

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const PrisonNumber = z
  .string()
  .transform(normalisePrisonNumber)
  .pipe(
    z
      .string()
      .regex(PRISON_NUMBER, 'must be a prison number: a letter, 4 digits and 2 letters, like A1234BC'),
  );

export const NhsNumber = z
  .string()
  .transform(normaliseNhsNumber)
  .pipe(
    z
      .string()
      .regex(/^\d{10}$/, 'must be 10 digits, like 943 476 5919')
      .refine(isValidNhsNumber, 'is not a valid NHS number: check the digits (the last is a check digit)'),
  );

const Name = DisplayName.max(60, 'must be at most 60 characters');
const Flags = z
  .array(enumOf(PERSON_FLAGS))
  .max(PERSON_FLAGS.length)
  .transform((flags) => [...new Set(flags)]);

const personFields = {
  givenName: Name,
  familyName: Name,
  dateOfBirth: DateOnly,
  sex: enumOf(SEXES),
  prisonNumber: PrisonNumber.optional(),
  nhsNumber: NhsNumber.optional(),
  areaId: Id,
  substanceGroup: enumOf(SUBSTANCE_GROUPS),
  flags: Flags.default([]),
};

/** `POST /people`. */
export const CreatePersonBody = z.strictObject(personFields);

/** `PATCH /people/{personId}`: any subset of the fields; `null` removes prison or NHS number. */
export const UpdatePersonBody = z
  .strictObject({
    givenName: Name.optional(),
    familyName: Name.optional(),
    dateOfBirth: DateOnly.optional(),
    sex: enumOf(SEXES).optional(),
    prisonNumber: PrisonNumber.nullable().optional(),
    nhsNumber: NhsNumber.nullable().optional(),
    areaId: Id.optional(),
    substanceGroup: enumOf(SUBSTANCE_GROUPS).optional(),
    flags: Flags.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export const Person = RecordMeta.extend({
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  sex: z.enum(SEXES),
  prisonNumber: z.string().optional(),
  nhsNumber: z.string().optional(),
  areaId: z.string(),
  substanceGroup: z.enum(SUBSTANCE_GROUPS),
  flags: z.array(z.enum(PERSON_FLAGS)),
  referralIds: z.array(z.string()),
});
export type Person = z.infer<typeof Person>;

/** `GET /people?q=&areaId=`: a name (or its start) or a prison number. */
export const PeopleQuery = ListQuery.extend({
  q: z.string().trim().min(2, 'type at least 2 characters of a name or a prison number').max(60),
  areaId: Id.optional(),
});
