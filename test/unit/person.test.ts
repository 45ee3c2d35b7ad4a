import { describe, expect, it } from 'vitest';
import { CreatePersonBody, PeopleQuery, UpdatePersonBody } from '../../shared/schemas/person.ts';
import type * as z from '../../shared/schemas/zod.ts';

/**
 * The fields (dotted paths, each once) `schema` finds a problem with in `input`; fails the test if
 * it parses. zod may report two problems for one field (a failed pattern and a refinement); the API
 * keeps the first (shared/http/validation.ts).
 */
function problems(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
}

/** The message of the first problem at `path`. */
function messageAt(schema: z.ZodMiniType, input: unknown, path: string): string | undefined {
  const result = schema.safeParse(input);
  return result.error?.issues.find((issue) => issue.path.join('.') === path)?.message;
}

const good = {
  givenName: 'Sam',
  familyName: 'Patel',
  dateOfBirth: '1990-05-17',
  sex: 'male',
  prisonNumber: 'A1234BC',
  nhsNumber: '9434765919',
  areaId: 'area-north',
  substanceGroup: 'opiate',
  flags: ['veteran'],
};

describe('CreatePersonBody', () => {
  it('accepts a full body as it is', () => {
    expect(CreatePersonBody.parse(good)).toEqual(good);
  });

  it('refuses a release risk as a person flag: it belongs on the release plan', () => {
    expect(CreatePersonBody.safeParse({ ...good, flags: ['on_ost_at_release'] }).success).toBe(false);
  });

  it('normalises: names trimmed, prison number upper case, NHS number digits, flags kept', () => {
    const parsed = CreatePersonBody.parse({
      ...good,
      givenName: '  Sam ',
      prisonNumber: ' a1234bc ',
      nhsNumber: '943 476-5919',
      flags: ['veteran'],
    });
    expect(parsed.givenName).toBe('Sam');
    expect(parsed.prisonNumber).toBe('A1234BC');
    expect(parsed.nhsNumber).toBe('9434765919');
    expect(parsed.flags).toEqual(['veteran']);
  });

  it('leaves out prison and NHS numbers when not given, and defaults flags to none', () => {
    const { prisonNumber: _p, nhsNumber: _n, flags: _f, ...minimal } = good;
    const parsed = CreatePersonBody.parse(minimal);
    expect(parsed).toEqual({ ...minimal, flags: [] });
    expect('prisonNumber' in parsed).toBe(false);
    expect('nhsNumber' in parsed).toBe(false);
  });

  it.each(['givenName', 'familyName', 'dateOfBirth', 'sex', 'areaId', 'substanceGroup'])(
    'needs %s',
    (field) => {
      const body: Record<string, unknown> = { ...good };
      delete body[field];
      expect(problems(CreatePersonBody, body)).toEqual([field]);
    },
  );

  it('refuses unknown keys', () => {
    const result = CreatePersonBody.safeParse({ ...good, status: 'active', nhs: '1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
    expect(result.error?.issues[0]?.message).toMatch(/status/);
  });

  it.each([
    ['sex', 'M'],
    ['sex', 'Male'],
    ['substanceGroup', 'cocaine'],
    ['substanceGroup', 'non-opiate'],
  ])('refuses %s %j, listing the values', (field, value) => {
    expect(problems(CreatePersonBody, { ...good, [field]: value })).toEqual([field]);
    expect(messageAt(CreatePersonBody, { ...good, [field]: value }, field)).toMatch(/^must be one of /);
  });

  it('refuses a flag that is not one of the values, naming its index', () => {
    expect(problems(CreatePersonBody, { ...good, flags: ['veteran', 'homeless'] })).toEqual(['flags.1']);
  });

  // Documented: the cap counts the list as sent, before duplicates are removed.
  it('refuses more than 10 entries, even when they are duplicates', () => {
    expect(problems(CreatePersonBody, { ...good, flags: Array(11).fill('veteran') })).toEqual(['flags']);
  });

  it.each(['1990-02-30', '1990-5-17', '17/05/1990', '1990-05-17T00:00:00Z', ''])(
    'refuses the date of birth %j',
    (value) => {
      expect(problems(CreatePersonBody, { ...good, dateOfBirth: value })).toEqual(['dateOfBirth']);
    },
  );

  it.each(['A1234B', '1234ABC', 'A-1234-BC', 'AA1234B', ''])('refuses the prison number %j', (value) => {
    expect(problems(CreatePersonBody, { ...good, prisonNumber: value })).toEqual(['prisonNumber']);
    expect(messageAt(CreatePersonBody, { ...good, prisonNumber: value }, 'prisonNumber')).toMatch(/A1234BC/);
  });

  it('refuses an NHS number that is not 10 digits', () => {
    expect(problems(CreatePersonBody, { ...good, nhsNumber: '943 476 591' })).toEqual(['nhsNumber']);
    expect(messageAt(CreatePersonBody, { ...good, nhsNumber: '94347659X9' }, 'nhsNumber')).toMatch(
      /10 digits/,
    );
  });

  it('refuses an NHS number whose check digit is wrong', () => {
    expect(messageAt(CreatePersonBody, { ...good, nhsNumber: '943 476 5918' }, 'nhsNumber')).toMatch(
      /check digit/,
    );
  });

  it('refuses an empty, too long or control-character name', () => {
    expect(problems(CreatePersonBody, { ...good, givenName: '   ' })).toEqual(['givenName']);
    expect(problems(CreatePersonBody, { ...good, familyName: 'x'.repeat(61) })).toEqual(['familyName']);
    expect(CreatePersonBody.safeParse({ ...good, familyName: 'x'.repeat(60) }).success).toBe(true);
    expect(problems(CreatePersonBody, { ...good, givenName: 'Sam\u0000' })).toEqual(['givenName']);
  });

  it('keeps accents and apostrophes in names as written', () => {
    expect(CreatePersonBody.parse({ ...good, givenName: 'Zoë', familyName: "O'Brien-Smyth" })).toMatchObject({
      givenName: 'Zoë',
      familyName: "O'Brien-Smyth",
    });
  });

  it('refuses a bad area id and values of the wrong type', () => {
    expect(problems(CreatePersonBody, { ...good, areaId: 'short' })).toEqual(['areaId']);
    expect(problems(CreatePersonBody, { ...good, nhsNumber: 9434765919 })).toEqual(['nhsNumber']);
    expect(problems(CreatePersonBody, { ...good, prisonNumber: null })).toEqual(['prisonNumber']);
    expect(problems(CreatePersonBody, { ...good, flags: 'veteran' })).toEqual(['flags']);
  });
});

describe('UpdatePersonBody', () => {
  it('refuses an empty change', () => {
    const result = UpdatePersonBody.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('give at least one field to change');
  });

  it('accepts any one field, normalised', () => {
    expect(UpdatePersonBody.parse({ familyName: ' Patel ' })).toEqual({ familyName: 'Patel' });
    expect(UpdatePersonBody.parse({ prisonNumber: 'b9876cd' })).toEqual({ prisonNumber: 'B9876CD' });
    expect(UpdatePersonBody.parse({ nhsNumber: '943-476-5919' })).toEqual({ nhsNumber: '9434765919' });
    expect(UpdatePersonBody.parse({ flags: ['veteran', 'veteran'] })).toEqual({ flags: ['veteran'] });
    expect(UpdatePersonBody.parse({ flags: [] })).toEqual({ flags: [] });
  });

  it('accepts null for the prison number and the NHS number (removes them)', () => {
    expect(UpdatePersonBody.parse({ prisonNumber: null })).toEqual({ prisonNumber: null });
    expect(UpdatePersonBody.parse({ nhsNumber: null })).toEqual({ nhsNumber: null });
    expect(UpdatePersonBody.parse({ prisonNumber: null, nhsNumber: null })).toEqual({
      prisonNumber: null,
      nhsNumber: null,
    });
  });

  it.each(['givenName', 'familyName', 'dateOfBirth', 'sex', 'areaId', 'substanceGroup', 'flags'])(
    'refuses null for %s',
    (field) => {
      expect(problems(UpdatePersonBody, { [field]: null })).toEqual([field]);
    },
  );

  it('refuses unknown keys, even beside good ones', () => {
    const result = UpdatePersonBody.safeParse({ familyName: 'Patel', referralIds: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('checks each field as on create', () => {
    expect(problems(UpdatePersonBody, { sex: 'f' })).toEqual(['sex']);
    expect(problems(UpdatePersonBody, { dateOfBirth: '2026-02-29' })).toEqual(['dateOfBirth']);
    expect(problems(UpdatePersonBody, { nhsNumber: '9434765918' })).toEqual(['nhsNumber']);
    expect(problems(UpdatePersonBody, { prisonNumber: 'A1234' })).toEqual(['prisonNumber']);
  });
});

describe('PeopleQuery', () => {
  it('needs q of at least 2 characters after trimming', () => {
    expect(problems(PeopleQuery, {})).toEqual(['q']);
    expect(problems(PeopleQuery, { q: 'P' })).toEqual(['q']);
    expect(problems(PeopleQuery, { q: ' P ' })).toEqual(['q']);
    expect(messageAt(PeopleQuery, { q: 'P' }, 'q')).toMatch(/at least 2 characters/);
  });

  it('accepts 2 characters, trims, and fills the list defaults', () => {
    expect(PeopleQuery.parse({ q: ' Pa ' })).toEqual({ q: 'Pa', limit: 50 });
  });

  it('refuses q longer than 60 characters', () => {
    expect(PeopleQuery.safeParse({ q: 'x'.repeat(60) }).success).toBe(true);
    expect(problems(PeopleQuery, { q: 'x'.repeat(61) })).toEqual(['q']);
  });

  it('takes an area id and a limit from the query string', () => {
    expect(PeopleQuery.parse({ q: 'A1234BC', areaId: 'area-north', limit: '10' })).toEqual({
      q: 'A1234BC',
      areaId: 'area-north',
      limit: 10,
    });
    expect(problems(PeopleQuery, { q: 'Patel', areaId: 'x' })).toEqual(['areaId']);
    expect(problems(PeopleQuery, { q: 'Patel', limit: '0' })).toEqual(['limit']);
  });
});
