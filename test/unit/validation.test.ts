import { describe, expect, it } from 'vitest';
import { earlierDateProblem, futureDateProblem } from '../../shared/domain/referral-rules.ts';
import { ValidationFailed } from '../../shared/errors.ts';
import { bodyRules, wellFormedFields } from '../../shared/http/body-rules.ts';
import { parseBody, parseWith } from '../../shared/http/validation.ts';
import { CreateAreaBody } from '../../shared/schemas/area.ts';
import { ListQuery } from '../../shared/schemas/common.ts';
import { CreateMemberBody } from '../../shared/schemas/member.ts';
import { UpdatePartnershipBody } from '../../shared/schemas/partnership.ts';
import { CreateReferralBody } from '../../shared/schemas/referral.ts';
import type * as z from '../../shared/schemas/zod.ts';

/** The ValidationFailed that parsing `input` with `schema` throws. */
function failure(schema: z.ZodMiniType, input: unknown, prefix?: string): ValidationFailed {
  try {
    parseWith(schema, input, 'request body', prefix);
  } catch (error) {
    if (error instanceof ValidationFailed) return error;
    throw error;
  }
  throw new Error('expected ValidationFailed');
}

describe('parseWith', () => {
  it('answers the parsed value, with defaults and transforms applied', () => {
    expect(parseWith(CreateAreaBody, { name: ' Leeds ', onsCode: 'e08000035' }, 'request body')).toEqual({
      name: 'Leeds',
      onsCode: 'E08000035',
      alertEmails: [],
    });
  });

  it('names a nested field with a dotted path and echoes the value', () => {
    const error = failure(UpdatePartnershipBody, { settings: { alertRules: { engagementAtRiskDay: 120 } } });
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual(['settings.alertRules.engagementAtRiskDay']);
    expect(error.fields?.['settings.alertRules.engagementAtRiskDay']).toMatch(/, got 120$/);
  });

  it('names list items by index', () => {
    const error = failure(CreateAreaBody, {
      name: 'Leeds',
      onsCode: 'E08000035',
      alertEmails: ['ok@example.test', 'nope'],
    });
    expect(error.fields).toEqual({
      'alertEmails.1': 'must be an email address such as name@example.org, got "nope"',
    });
  });

  it('quotes strings and names the fix', () => {
    const error = failure(CreateAreaBody, { name: 'Leeds', onsCode: 'W06000001' });
    expect(error.fields?.onsCode).toBe(
      'must be the 9-character ONS code of an English local authority, like E10000034, got "W06000001"',
    );
  });

  it('shortens a long echoed value', () => {
    const error = failure(CreateAreaBody, { name: 'Leeds', onsCode: 'X'.repeat(200) });
    expect(error.fields?.onsCode).toContain(`got "${'X'.repeat(60)}…"`);
    expect(error.fields?.onsCode).not.toContain('X'.repeat(61));
  });

  it('describes a list or object instead of echoing it', () => {
    expect(failure(CreateMemberBody, { email: ['a'], name: 'A', role: 'chair' }).fields?.email).toMatch(
      /got a list$/,
    );
    expect(failure(CreateMemberBody, { email: { a: 1 }, name: 'A', role: 'chair' }).fields?.email).toMatch(
      /got an object$/,
    );
  });

  it('says a missing field is required', () => {
    const error = failure(CreateAreaBody, { name: 'Leeds' });
    expect(error.fields).toEqual({ onsCode: 'is required' });
  });

  it('says an unknown key is not a field of this request', () => {
    const error = failure(CreateAreaBody, { name: 'Leeds', onsCode: 'E08000035', colour: 'red' });
    expect(error.fields?.colour).toMatch(/^is not a field of this request/);
  });

  it('names an unknown nested key with its path', () => {
    const error = failure(UpdatePartnershipBody, { settings: { alertRules: { snooze: 3 } } });
    expect(Object.keys(error.fields ?? {})).toEqual(['settings.alertRules.snooze']);
    expect(error.fields?.['settings.alertRules.snooze']).toMatch(/^is not a field of this request/);
  });

  it('counts every problem in the message', () => {
    const error = failure(CreateMemberBody, { email: 'not-an-email', role: 'boss' });
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['email', 'name', 'role']);
    expect(error.fields?.email).toContain('got "not-an-email"');
    expect(error.fields?.name).toBe('is required');
    expect(error.fields?.role).toBe('must be one of chair, manager, caseworker, analyst, got "boss"');
    expect(error.message).toBe('The request body has 3 problems: see fields.');
  });

  it('says "a problem" for one', () => {
    expect(failure(CreateAreaBody, { name: 'Leeds' }).message).toBe(
      'The request body has a problem: see fields.',
    );
  });

  it('puts the prefix in front of every field', () => {
    const error = failure(CreateAreaBody, { name: '', onsCode: 'E08000035', extra: 1 }, 'areas.0');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['areas.0.extra', 'areas.0.name']);
  });

  it('names the body itself when it is not an object', () => {
    const error = failure(CreateAreaBody, 'text');
    expect(Object.keys(error.fields ?? {})).toEqual(['body']);
    expect(error.fields?.body).toContain('got "text"');
  });

  it('echoes a query value', () => {
    const error = failure(ListQuery, { limit: '500' });
    expect(error.fields).toEqual({ limit: 'must be a whole number from 1 to 200, got "500"' });
  });
});

describe('parseBody: the schema and the domain rules in one answer', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const context = { now, areaIds: undefined };
  const rules = bodyRules(CreateReferralBody, (body, { now: today }) => ({
    referredOn: futureDateProblem(body.referredOn, today),
    expectedReleaseOn: earlierDateProblem(body.expectedReleaseOn, body.referredOn, 'referral date'),
  }));
  const referral = {
    pathway: 'continuity_of_care',
    areaId: '01jabcdefghjkmnpqrstvwxyz0',
    source: 'HMP Hewell',
    referredOn: '2026-03-01',
  };

  it('names a schema problem and a rule problem together', () => {
    // Prepare: a bad pathway (schema) and a referral date in the future (rule).
    const body = { ...referral, pathway: 'nowhere', referredOn: '2026-04-01' };
    // Act
    let error: ValidationFailed | undefined;
    try {
      parseBody(CreateReferralBody, body, rules, context);
    } catch (thrown) {
      error = thrown as ValidationFailed;
    }
    // Assess
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys(error?.fields ?? {}).sort()).toEqual(['pathway', 'referredOn']);
    expect(error?.fields?.referredOn).toBe('must be today or earlier, got 2026-04-01');
  });

  it('checks the order of two dates of the body', () => {
    expect(() =>
      parseBody(CreateReferralBody, { ...referral, expectedReleaseOn: '2026-02-01' }, rules, context),
    ).toThrow(ValidationFailed);
    expect(
      parseBody(CreateReferralBody, { ...referral, expectedReleaseOn: '2026-03-20' }, rules, context),
    ).toMatchObject({ expectedReleaseOn: '2026-03-20' });
  });

  it('names a field called like an Object.prototype member, and never answers a body it refused', () => {
    let error: ValidationFailed | undefined;
    try {
      parseBody(CreateReferralBody, { ...referral, constructor: false }, rules, context);
    } catch (thrown) {
      error = thrown as ValidationFailed;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys(error?.fields ?? {})).toEqual(['constructor']);
  });

  it('gives rules only the fields their own schema accepts', () => {
    expect(wellFormedFields(CreateReferralBody, { ...referral, referredOn: 'soon', extra: 1 })).toEqual({
      pathway: 'continuity_of_care',
      areaId: '01jabcdefghjkmnpqrstvwxyz0',
      source: 'HMP Hewell',
    });
    expect(wellFormedFields(CreateReferralBody, 'text')).toEqual({});
  });
});
