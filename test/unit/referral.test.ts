import { describe, expect, it } from 'vitest';
import { PATHWAYS } from '../../shared/domain/values.ts';
import {
  APPOINTMENT_STATUSES,
  CaseloadQuery,
  CLOSE_REASONS,
  CloseBody,
  CreateAppointmentBody,
  CreateReferralBody,
  EngagementBody,
  OffenceBody,
  RELEASE_TYPES,
  ReleaseBody,
  UpdateAppointmentBody,
} from '../../shared/schemas/referral.ts';
import type * as z from '../../shared/schemas/zod.ts';

/**
 * The fields (dotted paths, each once) `schema` finds a problem with in `input`; fails the test if
 * it parses.
 */
function problems(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
}

/** True when `schema` refuses `input` for carrying a key it does not know. */
function refusesUnknownKey(schema: z.ZodMiniType, input: unknown): boolean {
  const result = schema.safeParse(input);
  return !result.success && result.error.issues.some((issue) => issue.code === 'unrecognized_keys');
}

const BAD_DATES = ['2026-02-29', '2026-13-01', '2026-3-01', '01/03/2026', '2026-03-01T00:00:00Z', ''];

describe('CreateReferralBody', () => {
  const good = {
    pathway: 'continuity_of_care',
    areaId: 'area-north',
    source: 'HMP Hewell',
    referredOn: '2026-03-01',
    expectedReleaseOn: '2026-03-10',
    assignedTo: 'member-0001',
  };

  it('accepts a full body, trimming the source', () => {
    expect(CreateReferralBody.parse({ ...good, source: '  HMP Hewell ' })).toEqual(good);
  });

  it('accepts a body without the optional fields', () => {
    const { expectedReleaseOn: _e, assignedTo: _a, ...minimal } = good;
    expect(CreateReferralBody.parse(minimal)).toEqual(minimal);
  });

  it.each(PATHWAYS)('accepts the pathway %s', (pathway) => {
    expect(CreateReferralBody.parse({ ...good, pathway }).pathway).toBe(pathway);
  });

  it.each(['prison_release', 'DIVERT', 'drr ', ''])('refuses the pathway %j', (pathway) => {
    expect(problems(CreateReferralBody, { ...good, pathway })).toEqual(['pathway']);
    expect(CreateReferralBody.safeParse({ ...good, pathway }).error?.issues[0]?.message).toMatch(
      /^must be one of continuity_of_care, divert/,
    );
  });

  it.each(BAD_DATES)('refuses the dates %j', (date) => {
    expect(problems(CreateReferralBody, { ...good, referredOn: date })).toEqual(['referredOn']);
    expect(problems(CreateReferralBody, { ...good, expectedReleaseOn: date })).toEqual(['expectedReleaseOn']);
  });

  it('refuses unknown keys', () => {
    expect(refusesUnknownKey(CreateReferralBody, { ...good, status: 'released' })).toBe(true);
    expect(refusesUnknownKey(CreateReferralBody, { ...good, releasedOn: '2026-03-10' })).toBe(true);
  });

  it('needs pathway, area, source and referral date', () => {
    expect(problems(CreateReferralBody, {}).sort()).toEqual(['areaId', 'pathway', 'referredOn', 'source']);
  });

  it('refuses an empty or too long source, and a bad assignee id', () => {
    expect(problems(CreateReferralBody, { ...good, source: ' ' })).toEqual(['source']);
    expect(problems(CreateReferralBody, { ...good, source: 'x'.repeat(81) })).toEqual(['source']);
    expect(problems(CreateReferralBody, { ...good, assignedTo: 'me' })).toEqual(['assignedTo']);
  });
});

describe('ReleaseBody', () => {
  const good = { releasedOn: '2026-03-10', establishment: 'HEI', releaseType: 'licence' };

  it('accepts a release and trims the establishment, typed as a code or a name (the route finds it in the register)', () => {
    expect(ReleaseBody.parse({ ...good, establishment: ' HEI ' })).toEqual(good);
    expect(ReleaseBody.parse({ ...good, establishment: 'HMP Hewell' }).establishment).toBe('HMP Hewell');
  });

  it('accepts a release without establishment', () => {
    expect(ReleaseBody.parse({ releasedOn: '2026-03-10', releaseType: 'remand' })).toEqual({
      releasedOn: '2026-03-10',
      releaseType: 'remand',
    });
  });

  it.each(RELEASE_TYPES)('accepts the release type %s', (releaseType) => {
    expect(ReleaseBody.parse({ ...good, releaseType }).releaseType).toBe(releaseType);
  });

  it.each(['RELEASED', 'hdc', 'temporary_absence'])('refuses the release type %j', (releaseType) => {
    expect(problems(ReleaseBody, { ...good, releaseType })).toEqual(['releaseType']);
  });

  it.each(['', '   ', 'x'.repeat(81)])('refuses the establishment %j', (establishment) => {
    expect(problems(ReleaseBody, { ...good, establishment })).toEqual(['establishment']);
  });

  it.each(BAD_DATES)('refuses the release date %j', (releasedOn) => {
    expect(problems(ReleaseBody, { ...good, releasedOn })).toEqual(['releasedOn']);
  });

  it('refuses unknown keys', () => {
    expect(refusesUnknownKey(ReleaseBody, { ...good, reason: 'RELEASED' })).toBe(true);
  });
});

describe('CreateAppointmentBody', () => {
  const good = { at: '2026-03-11T10:30:00+00:00', location: 'Hub, Worcester', kind: 'first' };

  it.each([
    '2026-03-11T10:30:00+00:00',
    '2026-03-11T10:30:00Z',
    '2026-06-11T10:30:00+01:00',
    '2026-03-11T10:30:00.250Z',
  ])('accepts the time %s as it is', (at) => {
    expect(CreateAppointmentBody.parse({ ...good, at }).at).toBe(at);
  });

  it.each([
    ['2026-03-11T10:30:00', 'no offset'],
    ['2026-03-11T10:30Z', 'no seconds'],
    ['2026-03-11', 'a date only'],
    ['2026-03-11 10:30:00Z', 'a space for T'],
    ['2026-02-30T10:30:00Z', 'no such day'],
    ['2026-03-11T25:00:00Z', 'no such hour'],
    ['11/03/2026 10:30', 'the UK order'],
    ['tomorrow', 'words'],
  ])('refuses the time %j (%s)', (at) => {
    expect(problems(CreateAppointmentBody, { ...good, at })).toEqual(['at']);
  });

  it('says how to write the time', () => {
    expect(
      CreateAppointmentBody.safeParse({ ...good, at: '2026-03-11T10:30:00' }).error?.issues[0]?.message,
    ).toBe('must be a date and time with an offset, such as 2026-03-14T10:30:00+00:00');
  });

  it('accepts follow-up appointments and refuses other kinds', () => {
    expect(CreateAppointmentBody.parse({ ...good, kind: 'follow_up' }).kind).toBe('follow_up');
    expect(problems(CreateAppointmentBody, { ...good, kind: 'assessment' })).toEqual(['kind']);
  });

  it('refuses an empty or too long location', () => {
    expect(problems(CreateAppointmentBody, { ...good, location: '' })).toEqual(['location']);
    expect(problems(CreateAppointmentBody, { ...good, location: 'x'.repeat(121) })).toEqual(['location']);
  });

  it('refuses unknown keys, such as a status', () => {
    expect(refusesUnknownKey(CreateAppointmentBody, { ...good, status: 'attended' })).toBe(true);
  });
});

describe('UpdateAppointmentBody', () => {
  it.each(APPOINTMENT_STATUSES)('accepts the status %s', (status) => {
    expect(UpdateAppointmentBody.parse({ status })).toEqual({ status });
  });

  it('accepts a new time with an offset', () => {
    expect(UpdateAppointmentBody.parse({ status: 'rescheduled', at: '2026-03-12T14:00:00+00:00' })).toEqual({
      status: 'rescheduled',
      at: '2026-03-12T14:00:00+00:00',
    });
  });

  it('refuses a time without offset, a bad status, or no status', () => {
    expect(problems(UpdateAppointmentBody, { status: 'rescheduled', at: '2026-03-12T14:00:00' })).toEqual([
      'at',
    ]);
    expect(problems(UpdateAppointmentBody, { status: 'did_not_attend' })).toEqual(['status']);
    expect(problems(UpdateAppointmentBody, { at: '2026-03-12T14:00:00Z' })).toEqual(['status']);
  });

  it('refuses unknown keys', () => {
    expect(refusesUnknownKey(UpdateAppointmentBody, { status: 'missed', location: 'Hub' })).toBe(true);
  });
});

describe('CloseBody', () => {
  it.each(CLOSE_REASONS)('accepts the reason %s', (reason) => {
    expect(CloseBody.parse({ reason, closedOn: '2026-04-01' })).toEqual({ reason, closedOn: '2026-04-01' });
  });

  it('refuses a bad reason, a bad date and unknown keys', () => {
    expect(problems(CloseBody, { reason: 'engaged', closedOn: '2026-04-01' })).toEqual(['reason']);
    expect(problems(CloseBody, { reason: 'died', closedOn: '2026-04-31' })).toEqual(['closedOn']);
    expect(problems(CloseBody, { reason: 'died' })).toEqual(['closedOn']);
    expect(refusesUnknownKey(CloseBody, { reason: 'died', closedOn: '2026-04-01', note: 'x' })).toBe(true);
  });
});

describe('OffenceBody and EngagementBody', () => {
  it('accept a date', () => {
    expect(OffenceBody.parse({ offendedOn: '2026-04-01' })).toEqual({ offendedOn: '2026-04-01' });
    expect(EngagementBody.parse({ startedOn: '2026-04-01' })).toEqual({ startedOn: '2026-04-01' });
  });

  it.each(BAD_DATES)('refuse the date %j', (date) => {
    expect(problems(OffenceBody, { offendedOn: date })).toEqual(['offendedOn']);
    expect(problems(EngagementBody, { startedOn: date })).toEqual(['startedOn']);
  });

  it('refuse unknown keys', () => {
    expect(refusesUnknownKey(OffenceBody, { offendedOn: '2026-04-01', offence: 'theft' })).toBe(true);
    expect(refusesUnknownKey(EngagementBody, { startedOn: '2026-04-01', engagedOn: '2026-04-01' })).toBe(
      true,
    );
  });
});

describe('CaseloadQuery', () => {
  it('accepts the due filters and refuses others', () => {
    for (const due of ['overdue', 'today', 'week']) expect(CaseloadQuery.parse({ due }).due).toBe(due);
    expect(problems(CaseloadQuery, { due: 'month' })).toEqual(['due']);
  });
});
