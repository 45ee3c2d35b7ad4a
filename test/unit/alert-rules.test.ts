import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueChecks as allDueChecks,
  type DueCheck,
  NOMINAL_RELEASE_HOUR,
  nextDue,
  watchedFirstAppointment,
} from '../../shared/domain/alert-rules.ts';
import { addDays, daysBetween } from '../../shared/domain/dates.ts';
import { ALERT_RULES, PATHWAYS } from '../../shared/domain/values.ts';
import { PartnershipSettings } from '../../shared/schemas/partnership.ts';
import { APPOINTMENT_STATUSES, type Referral } from '../../shared/schemas/referral.ts';
import { appointment, referral, released } from './support/case-records.ts';

/**
 * The alert rules are pure: the "clock" is the fixed times written on the records below
 * (test/unit/support/case-records.ts): referred 1 March 2026, expected out and released 10 March.
 */
const DEFAULTS = PartnershipSettings.parse({});
const EXPECTED = '2026-03-10';
const RELEASED = '2026-03-10';

/** Default settings with some alert rule timings changed. */
const settingsWith = (
  alertRules: Partial<PartnershipSettings['alertRules']>,
  engagementWindowDays?: number,
) => PartnershipSettings.parse({ alertRules, ...(engagementWindowDays ? { engagementWindowDays } : {}) });

/** The checks as the rules answer them, each as `{rule, dueAt}` (slots are tested apart). */
const dueChecks = (...args: Parameters<typeof allDueChecks>): Pick<DueCheck, 'rule' | 'dueAt'>[] =>
  allDueChecks(...args).map(({ rule, dueAt }) => ({ rule, dueAt }));

/** The checks as `rule → dueAt`, for compact expectations. */
const byRule = (checks: readonly Pick<DueCheck, 'rule' | 'dueAt'>[]) =>
  Object.fromEntries(checks.map((check) => [check.rule, check.dueAt]));
const rules = (checks: readonly Pick<DueCheck, 'rule' | 'dueAt'>[]) => checks.map((check) => check.rule);

/** The three checks every released, unengaged case on the prison pathway has with default settings. */
const RELEASE_CLOCK = {
  engagement_at_risk: '2026-03-24T09:00:00.000Z',
  engagement_window_missed: '2026-04-01T00:00:00.000Z',
};

const NON_PRISON = PATHWAYS.filter(
  (pathway) => pathway !== 'continuity_of_care' && pathway !== 'through_the_gate',
);

describe('default settings', () => {
  it('are the timings of DESIGN.md §3', () => {
    expect(DEFAULTS.engagementWindowDays).toBe(21);
    expect(DEFAULTS.alertRules).toEqual({
      noFirstAppointmentHours: 24,
      firstAppointmentGraceHours: 4,
      engagementAtRiskDay: 14,
      releaseNotConfirmedDays: 1,
      escalateAfterHours: 24,
      requiredAssessmentGraceHours: 4,
      sessionGraceHours: 4,
      courtReviewNoticeDays: 7,
    });
    expect(NOMINAL_RELEASE_HOUR).toBe(9);
  });
});

describe('release_not_confirmed', () => {
  it('falls due at 00:00 UTC on the day after the expected release date', () => {
    expect(dueChecks(referral(), [], DEFAULTS)).toEqual([
      { rule: 'release_not_confirmed', dueAt: '2026-03-11T00:00:00.000Z' },
    ]);
  });

  it('also on through the gate', () => {
    expect(dueChecks(referral({ pathway: 'through_the_gate' }), [], DEFAULTS)).toEqual([
      { rule: 'release_not_confirmed', dueAt: '2026-03-11T00:00:00.000Z' },
    ]);
  });

  it.each([
    [0, '2026-03-10T00:00:00.000Z'],
    [3, '2026-03-13T00:00:00.000Z'],
    [14, '2026-03-24T00:00:00.000Z'],
  ])('moves with releaseNotConfirmedDays = %i', (days, dueAt) => {
    expect(dueChecks(referral(), [], settingsWith({ releaseNotConfirmedDays: days }))).toEqual([
      { rule: 'release_not_confirmed', dueAt },
    ]);
  });

  it('crosses month and year ends', () => {
    expect(byRule(dueChecks(referral({ expectedReleaseOn: '2026-12-31' }), [], DEFAULTS))).toEqual({
      release_not_confirmed: '2027-01-01T00:00:00.000Z',
    });
    expect(byRule(dueChecks(referral({ expectedReleaseOn: '2028-02-28' }), [], DEFAULTS))).toEqual({
      release_not_confirmed: '2028-02-29T00:00:00.000Z',
    });
  });

  it('is not checked without an expected release date', () => {
    expect(dueChecks(referral({ expectedReleaseOn: undefined }), [], DEFAULTS)).toEqual([]);
  });

  it.each(NON_PRISON)('is not checked on the %s pathway', (pathway) => {
    expect(rules(dueChecks(referral({ pathway }), [], DEFAULTS))).not.toContain('release_not_confirmed');
  });

  it('stops once the release is recorded, early or late', () => {
    expect(rules(dueChecks(released(), [], DEFAULTS))).not.toContain('release_not_confirmed');
    expect(rules(dueChecks(released({ releasedOn: '2026-03-14' }), [], DEFAULTS))).not.toContain(
      'release_not_confirmed',
    );
  });

  it('does not watch a first appointment before the release is recorded', () => {
    expect(rules(dueChecks(referral(), [appointment()], DEFAULTS))).toEqual(['release_not_confirmed']);
    expect(rules(dueChecks(referral(), [appointment({ status: 'missed' })], DEFAULTS))).toEqual([
      'release_not_confirmed',
    ]);
  });
});

describe('after a release with no first appointment', () => {
  it('checks no_first_appointment at release 09:00 + 24 h, then day 14 and day 21 at 09:00, in order', () => {
    expect(dueChecks(released(), [], DEFAULTS)).toEqual([
      { rule: 'no_first_appointment', dueAt: '2026-03-11T09:00:00.000Z' },
      { rule: 'engagement_at_risk', dueAt: RELEASE_CLOCK.engagement_at_risk },
      { rule: 'engagement_window_missed', dueAt: RELEASE_CLOCK.engagement_window_missed },
    ]);
  });

  it('is the same on through the gate', () => {
    expect(dueChecks(released({ pathway: 'through_the_gate' }), [], DEFAULTS)).toEqual(
      dueChecks(released(), [], DEFAULTS),
    );
  });

  it('moves no_first_appointment with noFirstAppointmentHours', () => {
    expect(
      byRule(dueChecks(released(), [], settingsWith({ noFirstAppointmentHours: 1 }))).no_first_appointment,
    ).toBe('2026-03-10T10:00:00.000Z');
    expect(
      byRule(dueChecks(released(), [], settingsWith({ noFirstAppointmentHours: 48 }))).no_first_appointment,
    ).toBe('2026-03-12T09:00:00.000Z');
    expect(
      byRule(dueChecks(released(), [], settingsWith({ noFirstAppointmentHours: 168 }))).no_first_appointment,
    ).toBe('2026-03-17T09:00:00.000Z');
  });

  it('moves engagement_at_risk with engagementAtRiskDay', () => {
    expect(
      byRule(dueChecks(released(), [], settingsWith({ engagementAtRiskDay: 7 }))).engagement_at_risk,
    ).toBe('2026-03-17T09:00:00.000Z');
  });

  it('moves engagement_window_missed with engagementWindowDays', () => {
    expect(byRule(dueChecks(released(), [], settingsWith({}, 28))).engagement_window_missed).toBe(
      '2026-04-08T00:00:00.000Z',
    );
    expect(byRule(dueChecks(released(), [], settingsWith({}, 90))).engagement_window_missed).toBe(
      '2026-06-09T00:00:00.000Z',
    );
  });

  it('counts in UTC across the clock change (29 March 2026)', () => {
    expect(byRule(dueChecks(released({ releasedOn: '2026-03-20' }), [], DEFAULTS))).toEqual({
      no_first_appointment: '2026-03-21T09:00:00.000Z',
      engagement_at_risk: '2026-04-03T09:00:00.000Z',
      engagement_window_missed: '2026-04-11T00:00:00.000Z',
    });
  });

  it('counts across the year end and a leap day', () => {
    expect(byRule(dueChecks(released({ releasedOn: '2027-12-20' }), [], DEFAULTS))).toEqual({
      no_first_appointment: '2027-12-21T09:00:00.000Z',
      engagement_at_risk: '2028-01-03T09:00:00.000Z',
      engagement_window_missed: '2028-01-11T00:00:00.000Z',
    });
    expect(
      byRule(dueChecks(released({ releasedOn: '2028-02-15' }), [], DEFAULTS)).engagement_window_missed,
    ).toBe('2028-03-08T00:00:00.000Z');
  });

  it('ignores follow-up appointments: they are not the first appointment', () => {
    const followUp = appointment({ kind: 'follow_up' });
    expect(rules(dueChecks(released(), [followUp], DEFAULTS))).toEqual([
      'no_first_appointment',
      'engagement_at_risk',
      'engagement_window_missed',
    ]);
  });
});

describe('first_appointment_missed on the prison pathway', () => {
  it('replaces no_first_appointment with the first appointment time + 4 h', () => {
    expect(dueChecks(released(), [appointment()], DEFAULTS)).toEqual([
      { rule: 'first_appointment_missed', dueAt: '2026-03-11T14:00:00.000Z' },
      { rule: 'engagement_at_risk', dueAt: RELEASE_CLOCK.engagement_at_risk },
      { rule: 'engagement_window_missed', dueAt: RELEASE_CLOCK.engagement_window_missed },
    ]);
  });

  it('moves with firstAppointmentGraceHours', () => {
    expect(
      byRule(dueChecks(released(), [appointment()], settingsWith({ firstAppointmentGraceHours: 1 })))
        .first_appointment_missed,
    ).toBe('2026-03-11T11:00:00.000Z');
    expect(
      byRule(dueChecks(released(), [appointment()], settingsWith({ firstAppointmentGraceHours: 72 })))
        .first_appointment_missed,
    ).toBe('2026-03-14T10:00:00.000Z');
  });

  it('reads a time written with an offset as the instant it is', () => {
    const at = appointment({ at: '2026-06-11T10:00:00+01:00' });
    const checks = byRule(dueChecks(released({ releasedOn: '2026-06-10' }), [at], DEFAULTS));
    expect(checks.first_appointment_missed).toBe('2026-06-11T13:00:00.000Z');
  });

  it('watches a first appointment on the release day itself', () => {
    const sameDay = appointment({ at: '2026-03-10T15:00:00.000Z' });
    expect(byRule(dueChecks(released(), [sameDay], DEFAULTS))).toEqual({
      first_appointment_missed: '2026-03-10T19:00:00.000Z',
      ...RELEASE_CLOCK,
    });
  });

  it('follows a rescheduled first appointment to its new time', () => {
    const moved = appointment({ status: 'rescheduled', at: '2026-03-13T09:30:00.000Z' });
    expect(byRule(dueChecks(released(), [moved], DEFAULTS)).first_appointment_missed).toBe(
      '2026-03-13T13:30:00.000Z',
    );
  });

  it('falls due at once when the first appointment is marked missed: at its updatedAt', () => {
    const missed = appointment({ status: 'missed', updatedAt: '2026-03-11T10:20:00.000Z' });
    expect(dueChecks(released(), [missed], DEFAULTS)).toEqual([
      { rule: 'first_appointment_missed', dueAt: '2026-03-11T10:20:00.000Z' },
      { rule: 'engagement_at_risk', dueAt: RELEASE_CLOCK.engagement_at_risk },
      { rule: 'engagement_window_missed', dueAt: RELEASE_CLOCK.engagement_window_missed },
    ]);
  });

  it('does not check an attended first appointment, nor no_first_appointment', () => {
    const attended = appointment({ status: 'attended', updatedAt: '2026-03-11T11:00:00.000Z' });
    expect(byRule(dueChecks(released(), [attended], DEFAULTS))).toEqual(RELEASE_CLOCK);
  });

  it('ignores a cancelled first appointment, so no_first_appointment is back', () => {
    const cancelled = appointment({ status: 'cancelled' });
    expect(dueChecks(released(), [cancelled], DEFAULTS)).toEqual(dueChecks(released(), [], DEFAULTS));
  });

  it('watches the booked first appointment beside a cancelled one', () => {
    const cancelled = appointment({
      id: 'appointment-0001',
      status: 'cancelled',
      createdAt: '2026-03-09T10:00:00.000Z',
    });
    const booked = appointment({
      id: 'appointment-0002',
      at: '2026-03-12T10:00:00.000Z',
      createdAt: '2026-03-10T12:00:00.000Z',
    });
    expect(byRule(dueChecks(released(), [booked, cancelled], DEFAULTS)).first_appointment_missed).toBe(
      '2026-03-12T14:00:00.000Z',
    );
  });

  it('watches the newest first appointment after a missed one is rebooked', () => {
    const missed = appointment({
      id: 'appointment-0001',
      status: 'missed',
      updatedAt: '2026-03-11T10:20:00.000Z',
    });
    const rebooked = appointment({
      id: 'appointment-0002',
      at: '2026-03-13T10:00:00.000Z',
      createdAt: '2026-03-11T11:00:00.000Z',
    });
    expect(byRule(dueChecks(released(), [rebooked, missed], DEFAULTS)).first_appointment_missed).toBe(
      '2026-03-13T14:00:00.000Z',
    );
  });

  it('does not watch a first appointment dated before the release', () => {
    const before = appointment({ at: '2026-03-09T23:59:59.000Z' });
    expect(dueChecks(released(), [before], DEFAULTS)).toEqual(dueChecks(released(), [], DEFAULTS));
    const missedBefore = appointment({ at: '2026-03-09T10:00:00.000Z', status: 'missed' });
    expect(rules(dueChecks(released(), [missedBefore], DEFAULTS))).not.toContain('first_appointment_missed');
  });

  it('watches the one after the release when one before it is still booked', () => {
    const before = appointment({ id: 'appointment-0001', at: '2026-03-08T10:00:00.000Z' });
    const after = appointment({
      id: 'appointment-0002',
      at: '2026-03-12T10:00:00.000Z',
      createdAt: '2026-03-01T09:00:00.000Z',
    });
    expect(byRule(dueChecks(released(), [before, after], DEFAULTS)).first_appointment_missed).toBe(
      '2026-03-12T14:00:00.000Z',
    );
  });

  it('sorts a late first appointment among the release checks', () => {
    const late = appointment({ at: '2026-03-30T10:00:00.000Z' });
    expect(dueChecks(released(), [late], DEFAULTS)).toEqual([
      { rule: 'engagement_at_risk', dueAt: RELEASE_CLOCK.engagement_at_risk },
      { rule: 'first_appointment_missed', dueAt: '2026-03-30T14:00:00.000Z' },
      { rule: 'engagement_window_missed', dueAt: RELEASE_CLOCK.engagement_window_missed },
    ]);
  });
});

describe('drug testing on arrest: the required assessment', () => {
  const dtoa = (changes: Partial<Referral> = {}) =>
    referral({
      pathway: 'drug_testing_on_arrest',
      source: 'Custody suite',
      expectedReleaseOn: undefined,
      ...changes,
    });

  it('checks the first appointment + 4 h without any release', () => {
    expect(dueChecks(dtoa(), [appointment()], DEFAULTS)).toEqual([
      { rule: 'first_appointment_missed', dueAt: '2026-03-11T14:00:00.000Z' },
    ]);
  });

  it('falls due at once when it is marked missed', () => {
    const missed = appointment({ status: 'missed', updatedAt: '2026-03-11T10:20:00.000Z' });
    expect(dueChecks(dtoa(), [missed], DEFAULTS)).toEqual([
      { rule: 'first_appointment_missed', dueAt: '2026-03-11T10:20:00.000Z' },
    ]);
  });

  it('has nothing to check with no assessment, an attended one, or a cancelled one', () => {
    expect(dueChecks(dtoa(), [], DEFAULTS)).toEqual([]);
    expect(dueChecks(dtoa(), [appointment({ status: 'attended' })], DEFAULTS)).toEqual([]);
    expect(dueChecks(dtoa(), [appointment({ status: 'cancelled' })], DEFAULTS)).toEqual([]);
  });

  it('ignores an expected release date', () => {
    expect(dueChecks(dtoa({ expectedReleaseOn: EXPECTED }), [], DEFAULTS)).toEqual([]);
  });
});

describe('other pathways', () => {
  it.each(NON_PRISON.filter((pathway) => pathway !== 'drug_testing_on_arrest'))(
    '%s has nothing to check, whatever its appointments',
    (pathway) => {
      for (const status of APPOINTMENT_STATUSES) {
        expect(dueChecks(referral({ pathway }), [appointment({ status })], DEFAULTS)).toEqual([]);
      }
    },
  );
});

describe('cases that are over', () => {
  it('an engaged case has no checks', () => {
    expect(
      dueChecks(released({ status: 'engaged', engagedOn: '2026-03-12' }), [appointment()], DEFAULTS),
    ).toEqual([]);
    expect(dueChecks(released({ status: 'engaged' }), [], DEFAULTS)).toEqual([]);
  });

  it('a case with a treatment start has no checks, whatever its status says', () => {
    expect(dueChecks(released({ engagedOn: '2026-03-12' }), [], DEFAULTS)).toEqual([]);
  });

  it('a closed case has no checks, released or not', () => {
    expect(dueChecks(referral({ status: 'closed', closedOn: '2026-03-05' }), [], DEFAULTS)).toEqual([]);
    expect(
      dueChecks(released({ status: 'closed', closedOn: '2026-03-12' }), [appointment()], DEFAULTS),
    ).toEqual([]);
    const dtoa = referral({ pathway: 'drug_testing_on_arrest', status: 'closed', closedOn: '2026-03-05' });
    expect(dueChecks(dtoa, [appointment()], DEFAULTS)).toEqual([]);
  });
});

describe('rules already raised', () => {
  it('are left out, the rest stay in order', () => {
    expect(dueChecks(released(), [], DEFAULTS, new Set(['no_first_appointment']))).toEqual([
      { rule: 'engagement_at_risk', dueAt: RELEASE_CLOCK.engagement_at_risk },
      { rule: 'engagement_window_missed', dueAt: RELEASE_CLOCK.engagement_window_missed },
    ]);
    const missed = appointment({ status: 'missed', updatedAt: '2026-03-11T10:20:00.000Z' });
    expect(rules(dueChecks(released(), [missed], DEFAULTS, new Set(['first_appointment_missed'])))).toEqual([
      'engagement_at_risk',
      'engagement_window_missed',
    ]);
    expect(dueChecks(referral(), [], DEFAULTS, new Set(['release_not_confirmed']))).toEqual([]);
  });

  it('leave nothing when every rule was raised', () => {
    expect(dueChecks(released(), [appointment()], DEFAULTS, new Set(ALERT_RULES))).toEqual([]);
  });
});

describe('nextDue', () => {
  it('answers the earliest check, or nothing', () => {
    expect(nextDue(dueChecks(released(), [], DEFAULTS))).toEqual({
      rule: 'no_first_appointment',
      dueAt: '2026-03-11T09:00:00.000Z',
    });
    expect(
      nextDue(dueChecks(released(), [appointment({ at: '2026-03-30T10:00:00.000Z' })], DEFAULTS))?.rule,
    ).toBe('engagement_at_risk');
    expect(nextDue([])).toBeUndefined();
    expect(
      nextDue(dueChecks(released({ status: 'engaged', engagedOn: RELEASED }), [], DEFAULTS)),
    ).toBeUndefined();
  });
});

describe('watchedFirstAppointment', () => {
  it('is undefined with no first appointments', () => {
    expect(watchedFirstAppointment(released(), [])).toBeUndefined();
    expect(watchedFirstAppointment(released(), [appointment({ kind: 'follow_up' })])).toBeUndefined();
    expect(watchedFirstAppointment(released(), [appointment({ status: 'cancelled' })])).toBeUndefined();
  });

  it('takes any first appointment before a release is recorded', () => {
    const early = appointment({ at: '2026-03-02T10:00:00.000Z' });
    expect(watchedFirstAppointment(referral(), [early])).toBe(early);
  });

  it('takes the most recently created of the first appointments on or after the release', () => {
    const a = appointment({
      id: 'appointment-000a',
      status: 'missed',
      createdAt: '2026-03-09T10:00:00.000Z',
    });
    const b = appointment({
      id: 'appointment-000b',
      createdAt: '2026-03-11T12:00:00.000Z',
      at: '2026-03-12T10:00:00.000Z',
    });
    const before = appointment({
      id: 'appointment-000c',
      createdAt: '2026-03-12T12:00:00.000Z',
      at: '2026-03-09T10:00:00.000Z',
    });
    expect(watchedFirstAppointment(released(), [b, before, a])).toBe(b);
    expect(watchedFirstAppointment(released(), [a])).toBe(a);
  });
});

describe('properties', () => {
  const date = fc.integer({ min: 0, max: 3650 }).map((offset) => addDays('2024-01-01', offset));
  const settings = fc
    .record({
      engagementWindowDays: fc.integer({ min: 7, max: 90 }),
      alertRules: fc.record({
        noFirstAppointmentHours: fc.integer({ min: 1, max: 168 }),
        firstAppointmentGraceHours: fc.integer({ min: 1, max: 72 }),
        engagementAtRiskDay: fc.integer({ min: 1, max: 89 }),
        releaseNotConfirmedDays: fc.integer({ min: 0, max: 14 }),
      }),
    })
    .map((raw) => PartnershipSettings.parse(raw));
  const scenario = fc.record({
    pathway: fc.constantFrom(...PATHWAYS),
    releasedOn: fc.option(date, { nil: undefined }),
    expectedReleaseOn: fc.option(date, { nil: undefined }),
    appointments: fc.array(
      fc.record({
        kind: fc.constantFrom('first' as const, 'follow_up' as const),
        status: fc.constantFrom(...APPOINTMENT_STATUSES),
        atOffset: fc.integer({ min: -5 * 24, max: 40 * 24 }),
        createdOffset: fc.integer({ min: 0, max: 10_000 }),
      }),
      { maxLength: 4 },
    ),
    raised: fc.subarray([...ALERT_RULES]),
    settings,
  });

  it('answer each rule at most once, never a raised one, sorted by dueAt, nextDue first', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const base = s.releasedOn ?? s.expectedReleaseOn ?? '2026-03-10';
        const prison = s.pathway === 'continuity_of_care' || s.pathway === 'through_the_gate';
        const ref = referral({
          pathway: s.pathway,
          referredOn: '2023-12-01',
          expectedReleaseOn: s.expectedReleaseOn,
          ...(prison && s.releasedOn ? { status: 'released', releasedOn: s.releasedOn } : {}),
        });
        const appointments = s.appointments.map((a, i) =>
          appointment({
            id: `appointment-${i}`,
            kind: a.kind,
            status: a.status,
            at: new Date(Date.parse(`${base}T09:00:00Z`) + a.atOffset * 3_600_000).toISOString(),
            createdAt: new Date(Date.parse('2023-12-01T00:00:00Z') + a.createdOffset * 60_000).toISOString(),
          }),
        );
        const checks = dueChecks(ref, appointments, s.settings, new Set(s.raised));
        const names = rules(checks);
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) expect(s.raised).not.toContain(name);
        for (const check of checks) expect(new Date(check.dueAt).toISOString()).toBe(check.dueAt);
        expect([...checks].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))).toEqual(checks);
        expect(nextDue(checks)).toEqual(checks[0]);
        if (!prison) expect(names.filter((n) => n !== 'first_appointment_missed')).toEqual([]);
        if (s.pathway !== 'drug_testing_on_arrest' && !(prison && ref.releasedOn)) {
          expect(names).not.toContain('first_appointment_missed');
        }
        const window = checks.find((c) => c.rule === 'engagement_window_missed');
        if (window && ref.releasedOn) {
          // Missed once the window's last day is over: midnight starting the next day.
          expect(daysBetween(ref.releasedOn, window.dueAt.slice(0, 10))).toBe(
            s.settings.engagementWindowDays + 1,
          );
          expect(window.dueAt.slice(10)).toBe('T00:00:00.000Z');
        }
        // A released case off the engaged/closed path always has its two engagement checks unless raised.
        if (prison && ref.releasedOn) {
          for (const rule of ['engagement_at_risk', 'engagement_window_missed'] as const) {
            expect(names.includes(rule)).toBe(!s.raised.includes(rule));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
