import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NextAction } from '../../shared/domain/alert-rules.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { PATHWAYS } from '../../shared/domain/values.ts';
import {
  daysSinceRelease,
  FIRST_DAYS,
  LOOKAHEAD_DAYS,
  priorityAt,
  RISK_FLAGS,
  RISK_WEIGHT_HOURS,
  type RiskFlag,
  recordedRisks,
  risksAt,
  whyListed,
  workEntry,
} from '../../shared/domain/worklist.ts';
import type { ReleasePlan } from '../../shared/schemas/release-plan.ts';
import { appointment } from './support/case-records.ts';

/**
 * The worklist's rules are pure: every clock is fixed here. The scenario: a prison release on
 * 10 March 2026, a first appointment booked on 9 March for 11 March 10:00 UTC.
 */
const HOUR = 3_600_000;
const RELEASED = '2026-03-10';

type RiskCase = Parameters<typeof recordedRisks>[0];

const prisonCase = (changes: Partial<RiskCase> = {}): RiskCase => ({
  pathway: 'continuity_of_care',
  status: 'released',
  releasedOn: RELEASED,
  ...changes,
});

type PlanFacts = Pick<ReleasePlan, 'accommodation' | 'onOstAtRelease' | 'naloxoneIssued'>;
const plan = (changes: Partial<PlanFacts> = {}): PlanFacts => ({
  accommodation: 'settled',
  onOstAtRelease: true,
  naloxoneIssued: true,
  ...changes,
});

const NON_PRISON = PATHWAYS.filter(
  (pathway) => pathway !== 'continuity_of_care' && pathway !== 'through_the_gate',
);

describe('constants', () => {
  it('are the first days (0–4), a week ahead and a day per risk', () => {
    expect(FIRST_DAYS).toBe(4);
    expect(LOOKAHEAD_DAYS).toBe(7);
    expect(RISK_WEIGHT_HOURS).toBe(24);
    expect(RISK_FLAGS).toEqual([
      'no_fixed_abode',
      'no_ost_at_release',
      'no_naloxone',
      'first_days',
      'no_first_appointment',
      'missed_first_appointment',
    ]);
  });
});

describe('recordedRisks', () => {
  it('flags no fixed abode from the release plan', () => {
    // Prepare
    const withPlan = prisonCase({ releasePlan: plan({ accommodation: 'no_fixed_abode' }) });

    // Act, assess
    expect(recordedRisks(withPlan, [appointment()])).toEqual(['no_fixed_abode']);
  });

  it.each(['settled', 'temporary', 'approved_premises', 'not_known'] as const)(
    'does not flag no fixed abode for %s accommodation',
    (accommodation) => {
      expect(recordedRisks(prisonCase({ releasePlan: plan({ accommodation }) }), [appointment()])).toEqual(
        [],
      );
    },
  );

  it('flags no OST at release only for the opiate group, known not to be on OST', () => {
    // Prepare
    const notOnOst = plan({ onOstAtRelease: false });

    // Act, assess
    expect(
      recordedRisks(prisonCase({ substanceGroup: 'opiate', releasePlan: notOnOst }), [appointment()]),
    ).toEqual(['no_ost_at_release']);
    for (const substanceGroup of ['non_opiate', 'non_opiate_and_alcohol', 'alcohol', undefined]) {
      expect(recordedRisks(prisonCase({ substanceGroup, releasePlan: notOnOst }), [appointment()])).toEqual(
        [],
      );
    }
    const unknown = plan({ onOstAtRelease: null });
    expect(
      recordedRisks(prisonCase({ substanceGroup: 'opiate', releasePlan: unknown }), [appointment()]),
    ).toEqual([]);
    expect(recordedRisks(prisonCase({ substanceGroup: 'opiate' }), [appointment()])).toEqual([]);
  });

  it('flags no naloxone only when known not to be issued', () => {
    expect(
      recordedRisks(prisonCase({ releasePlan: plan({ naloxoneIssued: false }) }), [appointment()]),
    ).toEqual(['no_naloxone']);
    expect(
      recordedRisks(prisonCase({ releasePlan: plan({ naloxoneIssued: null }) }), [appointment()]),
    ).toEqual([]);
  });

  it('flags no first appointment once released without one watched', () => {
    // Prepare
    const beforeRelease = appointment({ at: '2026-03-09T10:00:00.000Z' });

    // Act, assess
    expect(recordedRisks(prisonCase(), [])).toEqual(['no_first_appointment']);
    expect(recordedRisks(prisonCase(), [appointment({ status: 'cancelled' })])).toEqual([
      'no_first_appointment',
    ]);
    expect(recordedRisks(prisonCase(), [appointment({ kind: 'follow_up' })])).toEqual([
      'no_first_appointment',
    ]);
    expect(recordedRisks(prisonCase(), [beforeRelease])).toEqual(['no_first_appointment']);
  });

  it('flags nothing about the first appointment before the release', () => {
    // Prepare
    const notYet = prisonCase({ status: 'referred', releasedOn: undefined });

    // Act, assess
    expect(recordedRisks(notYet, [])).toEqual([]);
    expect(recordedRisks(notYet, [appointment({ status: 'missed' })])).toEqual([]);
  });

  it('flags a missed first appointment until a new one is booked', () => {
    // Prepare
    const missed = appointment({ status: 'missed', updatedAt: '2026-03-11T10:20:00.000Z' });
    const rebooked = appointment({
      id: 'appointment-0002',
      at: '2026-03-13T10:00:00.000Z',
      createdAt: '2026-03-11T11:00:00.000Z',
    });

    // Act, assess
    expect(recordedRisks(prisonCase(), [missed])).toEqual(['missed_first_appointment']);
    expect(recordedRisks(prisonCase(), [missed, rebooked])).toEqual([]);
  });

  it('flags nothing for a booked, rescheduled or attended first appointment', () => {
    for (const status of ['booked', 'rescheduled', 'attended'] as const) {
      expect(recordedRisks(prisonCase(), [appointment({ status })])).toEqual([]);
    }
  });

  it('lists the risks in the order of RISK_FLAGS, never first_days', () => {
    // Prepare
    const everything = prisonCase({
      substanceGroup: 'opiate',
      releasePlan: plan({ accommodation: 'no_fixed_abode', onOstAtRelease: false, naloxoneIssued: false }),
    });

    // Act, assess
    expect(recordedRisks(everything, [])).toEqual([
      'no_fixed_abode',
      'no_ost_at_release',
      'no_naloxone',
      'no_first_appointment',
    ]);
  });

  it('is the same on through the gate', () => {
    // Prepare
    const risky = { releasePlan: plan({ accommodation: 'no_fixed_abode' as const }) };

    // Act, assess
    expect(recordedRisks(prisonCase({ pathway: 'through_the_gate', ...risky }), [])).toEqual(
      recordedRisks(prisonCase(risky), []),
    );
  });

  it.each(NON_PRISON)('flags nothing on the %s pathway', (pathway) => {
    // Prepare
    const risky = prisonCase({
      pathway,
      substanceGroup: 'opiate',
      releasePlan: plan({ accommodation: 'no_fixed_abode', onOstAtRelease: false, naloxoneIssued: false }),
    });

    // Act, assess
    expect(recordedRisks(risky, [appointment({ status: 'missed' })])).toEqual([]);
  });
});

describe('workEntry', () => {
  const next = (dueAt: string): NextAction => ({ rule: 'engagement_at_risk', dueAt });
  const open = { status: 'released' as const, releasedOn: RELEASED, expectedReleaseOn: RELEASED };

  it('is undefined for an engaged or closed case, or one with no next action', () => {
    // Prepare
    const due = next('2026-03-24T09:00:00.000Z');

    // Act, assess
    expect(workEntry({ ...open, status: 'engaged', engagedOn: '2026-03-12' }, due, [])).toBeUndefined();
    expect(workEntry({ ...open, engagedOn: '2026-03-12' }, due, [])).toBeUndefined();
    expect(workEntry({ ...open, status: 'closed' }, due, [])).toBeUndefined();
    expect(workEntry(open, undefined, [])).toBeUndefined();
  });

  it('lists a released case from its release day (00:00 UTC) when the next action is further off', () => {
    // Act
    const entry = workEntry(open, next('2026-03-24T09:00:00.000Z'), []);

    // Assess
    expect(entry).toEqual({ listedFrom: '2026-03-10T00:00:00.000Z', urgentAt: '2026-03-24T09:00:00.000Z' });
  });

  it('lists a case a week before its next action when that comes first', () => {
    // Prepare: a referral with no release (drug testing on arrest), or released later than a week before
    const noRelease = { status: 'referred' as const };

    // Act
    const entry = workEntry(noRelease, next('2026-03-11T14:00:00.000Z'), []);
    const lateRelease = workEntry(
      { ...open, releasedOn: '2026-03-20' },
      next('2026-03-11T14:00:00.000Z'),
      [],
    );

    // Assess
    expect(entry?.listedFrom).toBe('2026-03-04T14:00:00.000Z');
    expect(lateRelease?.listedFrom).toBe('2026-03-04T14:00:00.000Z');
  });

  it('lists a case not yet released from a week before its expected release', () => {
    // Prepare: release_not_confirmed falls due at 00:00 on the day after the expected date
    const waiting = { status: 'referred' as const, expectedReleaseOn: '2026-04-10' };

    // Act
    const entry = workEntry(
      waiting,
      { rule: 'release_not_confirmed', dueAt: '2026-04-11T00:00:00.000Z' },
      [],
    );

    // Assess
    expect(entry?.listedFrom).toBe('2026-04-03T00:00:00.000Z');
  });

  it('ignores the expected release once a release is recorded', () => {
    // Prepare: released late, long after the expected date
    const late = { status: 'released' as const, releasedOn: '2026-03-20', expectedReleaseOn: '2026-03-01' };

    // Act
    const entry = workEntry(late, next('2026-04-03T09:00:00.000Z'), []);

    // Assess
    expect(entry?.listedFrom).toBe('2026-03-20T00:00:00.000Z');
  });

  it('brings the urgency forward a day per risk', () => {
    // Prepare
    const due = next('2026-03-24T09:00:00.000Z');

    // Act, assess
    expect(workEntry(open, due, ['no_naloxone'])?.urgentAt).toBe('2026-03-23T09:00:00.000Z');
    expect(workEntry(open, due, ['no_fixed_abode', 'no_naloxone', 'no_first_appointment'])?.urgentAt).toBe(
      '2026-03-21T09:00:00.000Z',
    );
  });

  it('does not move when it is listed with the risks', () => {
    // Prepare
    const due = next('2026-03-24T09:00:00.000Z');

    // Act, assess
    expect(workEntry(open, due, ['no_naloxone', 'no_fixed_abode'])?.listedFrom).toBe(
      workEntry(open, due, [])?.listedFrom,
    );
  });

  it('keeps a case with an overdue next action listed (properties)', () => {
    const instant = fc
      .integer({ min: 0, max: 120 * 24 })
      .map((hours) => Date.parse('2026-01-01T00:00:00Z') + hours * HOUR);
    const day = fc.integer({ min: 0, max: 120 }).map((days) => addDays('2026-01-01', days));
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 60 * 24 }),
        fc.option(day, { nil: undefined }),
        fc.option(day, { nil: undefined }),
        fc.subarray(RISK_FLAGS.filter((flag) => flag !== 'first_days')),
        (due, hoursLater, releasedOn, expectedReleaseOn, risks) => {
          // Prepare
          const dueAt = new Date(due).toISOString();
          const now = due + hoursLater * HOUR;

          // Act
          const entry = workEntry({ status: 'released', releasedOn, expectedReleaseOn }, next(dueAt), risks);

          // Assess
          expect(entry).toBeDefined();
          const listedFrom = Date.parse(entry?.listedFrom ?? '');
          expect(listedFrom).toBeLessThanOrEqual(now);
          expect(listedFrom).toBeLessThanOrEqual(due - LOOKAHEAD_DAYS * 24 * HOUR);
          if (releasedOn) expect(listedFrom).toBeLessThanOrEqual(Date.parse(`${releasedOn}T00:00:00Z`));
          else if (expectedReleaseOn) {
            expect(listedFrom).toBeLessThanOrEqual(Date.parse(`${addDays(expectedReleaseOn, -7)}T00:00:00Z`));
          }
          expect(Date.parse(entry?.urgentAt ?? '')).toBe(due - risks.length * RISK_WEIGHT_HOURS * HOUR);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('daysSinceRelease', () => {
  it('is undefined before a release is recorded', () => {
    expect(daysSinceRelease(undefined, new Date('2026-03-10T12:00:00.000Z'))).toBeUndefined();
  });

  it.each([
    ['2026-03-10T00:00:00.000Z', 0],
    ['2026-03-10T23:59:59.999Z', 0],
    ['2026-03-11T00:00:00.000Z', 1],
    ['2026-03-14T12:00:00.000Z', 4],
    ['2026-03-31T12:00:00.000Z', 21],
  ])('counts days in England: at %s, day %i', (now, days) => {
    expect(daysSinceRelease(RELEASED, new Date(now))).toBe(days);
  });

  it('counts the next day from midnight in England in British Summer Time', () => {
    // Prepare: 23:30 UTC on 10 June is 00:30 on 11 June in England
    const now = new Date('2026-06-10T23:30:00.000Z');

    // Act, assess
    expect(daysSinceRelease('2026-06-10', now)).toBe(1);
    expect(daysSinceRelease('2026-06-10', new Date('2026-06-10T22:59:59.999Z'))).toBe(0);
  });

  it('counts across the clock change and the year end', () => {
    expect(daysSinceRelease('2026-03-27', new Date('2026-03-30T08:00:00.000Z'))).toBe(3);
    expect(daysSinceRelease('2026-12-30', new Date('2027-01-02T12:00:00.000Z'))).toBe(3);
  });
});

describe('risksAt', () => {
  const at = (now: string) => new Date(now);

  it('adds first_days from the release day to day 4, in England', () => {
    // Act, assess
    expect(risksAt([], RELEASED, at('2026-03-10T10:00:00.000Z'))).toEqual(['first_days']);
    expect(risksAt([], RELEASED, at('2026-03-14T23:59:59.999Z'))).toEqual(['first_days']);
    expect(risksAt([], RELEASED, at('2026-03-15T00:00:00.000Z'))).toEqual([]);
    expect(risksAt([], '2026-06-10', at('2026-06-14T22:59:59.999Z'))).toEqual(['first_days']);
    expect(risksAt([], '2026-06-10', at('2026-06-14T23:00:00.000Z'))).toEqual([]);
  });

  it('adds no first_days without a release', () => {
    expect(risksAt(['no_naloxone'], undefined, at('2026-03-10T10:00:00.000Z'))).toEqual(['no_naloxone']);
  });

  it('puts first_days in its place among the recorded risks, whatever their order', () => {
    // Prepare
    const recorded: RiskFlag[] = ['no_first_appointment', 'no_naloxone', 'no_fixed_abode'];

    // Act, assess
    expect(risksAt(recorded, RELEASED, at('2026-03-11T10:00:00.000Z'))).toEqual([
      'no_fixed_abode',
      'no_naloxone',
      'first_days',
      'no_first_appointment',
    ]);
  });

  it('drops a first_days that was recorded once the first days are over', () => {
    expect(risksAt(['first_days', 'no_naloxone'], RELEASED, at('2026-03-20T10:00:00.000Z'))).toEqual([
      'no_naloxone',
    ]);
  });

  it('answers each risk once, in RISK_FLAGS order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...RISK_FLAGS), { maxLength: 10 }),
        fc.integer({ min: -3, max: 30 }),
        (recorded, days) => {
          // Act
          const risks = risksAt(
            recorded,
            RELEASED,
            new Date(Date.parse('2026-03-10T12:00:00Z') + days * 24 * HOUR),
          );

          // Assess
          expect(risks).toEqual(RISK_FLAGS.filter((flag) => risks.includes(flag)));
          for (const flag of recorded) if (flag !== 'first_days') expect(risks).toContain(flag);
          expect(risks.includes('first_days')).toBe(days >= 0 && days <= FIRST_DAYS);
        },
      ),
    );
  });
});

describe('priorityAt', () => {
  const urgentAt = '2026-03-24T09:00:00.000Z';

  it.each([
    ['2026-03-24T09:00:00.000Z', 0],
    ['2026-03-24T09:59:59.999Z', 0],
    ['2026-03-24T10:00:00.000Z', 1],
    ['2026-03-25T09:00:00.000Z', 24],
    ['2026-03-24T08:30:00.000Z', -1],
    ['2026-03-23T09:00:00.000Z', -24],
  ])('at %s is %i (whole hours past the urgency)', (now, priority) => {
    expect(priorityAt(urgentAt, new Date(now))).toBe(priority);
  });

  it('ranks a case with more risks above one with fewer, same next action (property)', () => {
    const due = { rule: 'engagement_at_risk' as const, dueAt: '2026-03-24T09:00:00.000Z' };
    const open = { status: 'released' as const, releasedOn: RELEASED };
    fc.assert(
      fc.property(
        fc.subarray([
          'no_fixed_abode',
          'no_ost_at_release',
          'no_naloxone',
          'no_first_appointment',
        ] as RiskFlag[]),
        fc.integer({ min: -30 * 24, max: 30 * 24 }),
        (risks, hours) => {
          // Prepare
          const now = new Date(Date.parse(due.dueAt) + hours * HOUR);

          // Act
          const risky = workEntry(open, due, risks);
          const plain = workEntry(open, due, []);

          // Assess
          expect(priorityAt(risky?.urgentAt ?? '', now) - priorityAt(plain?.urgentAt ?? '', now)).toBe(
            risks.length * RISK_WEIGHT_HOURS,
          );
        },
      ),
    );
  });
});

describe('whyListed', () => {
  const NOW = new Date('2026-03-12T10:00:00.000Z');
  const overdue = {
    rule: 'no_first_appointment' as const,
    dueAt: '2026-03-11T09:00:00.000Z',
    overdue: true,
    label: 'Book a first appointment',
  };
  const coming = {
    rule: 'engagement_at_risk' as const,
    dueAt: '2026-03-24T09:00:00.000Z',
    overdue: false,
    label: 'Check engagement',
  };

  it('says how many alerts are open, the next action, the days since release and each risk, in that order', () => {
    // Act
    const why = whyListed(
      {
        releasedOn: RELEASED,
        openAlerts: 2,
        next: overdue,
        risks: ['no_naloxone', 'first_days', 'no_first_appointment'],
      },
      NOW,
    );

    // Assess
    expect(why).toEqual([
      '2 open alerts',
      'Overdue: Book a first appointment',
      'Released 2 days ago',
      'No naloxone issued',
      'In the first days after release, the riskiest',
      'No first appointment booked',
    ]);
  });

  it('says "1 open alert", and nothing of alerts when none is open', () => {
    expect(whyListed({ releasedOn: RELEASED, openAlerts: 1, next: overdue, risks: [] }, NOW)[0]).toBe(
      '1 open alert',
    );
    expect(whyListed({ releasedOn: RELEASED, openAlerts: 0, next: overdue, risks: [] }, NOW)).toEqual([
      'Overdue: Book a first appointment',
      'Released 2 days ago',
    ]);
  });

  it('dates a next action still to come by its day in England', () => {
    // Prepare: 23:30 UTC on 11 June is 12 June in England
    const late = { ...coming, dueAt: '2026-06-11T23:30:00.000Z' };

    // Act, assess
    expect(whyListed({ openAlerts: 0, next: coming, risks: [] }, NOW)).toEqual([
      'Next: Check engagement by 24 March',
    ]);
    expect(whyListed({ openAlerts: 0, next: late, risks: [] }, new Date('2026-06-01T10:00:00.000Z'))).toEqual(
      ['Next: Check engagement by 12 June'],
    );
  });

  it.each([
    ['2026-03-10T10:00:00.000Z', 'Released today'],
    ['2026-03-11T10:00:00.000Z', 'Released 1 day ago'],
    ['2026-03-31T10:00:00.000Z', 'Released 21 days ago'],
  ])('at %s says "%s"', (now, words) => {
    expect(
      whyListed({ releasedOn: RELEASED, openAlerts: 0, next: overdue, risks: [] }, new Date(now)),
    ).toContain(words);
  });

  it.each([
    ['2026-03-12', 'Expected release today'],
    ['2026-03-13', 'Expected release in 1 day'],
    ['2026-03-19', 'Expected release in 7 days'],
  ])('says when an expected release on %s is near: "%s"', (expectedReleaseOn, words) => {
    expect(whyListed({ expectedReleaseOn, openAlerts: 0, next: coming, risks: [] }, NOW)).toEqual([
      'Next: Check engagement by 24 March',
      words,
    ]);
  });

  it('says nothing of an expected release more than a week off, or already past', () => {
    expect(
      whyListed({ expectedReleaseOn: '2026-03-20', openAlerts: 0, next: coming, risks: [] }, NOW),
    ).toEqual(['Next: Check engagement by 24 March']);
    expect(
      whyListed({ expectedReleaseOn: '2026-03-11', openAlerts: 0, next: overdue, risks: [] }, NOW),
    ).toEqual(['Overdue: Book a first appointment']);
  });

  it('counts the expected release from today in England', () => {
    // Prepare: 23:30 UTC on 9 June is 10 June in England
    const now = new Date('2026-06-09T23:30:00.000Z');

    // Act, assess
    expect(
      whyListed({ expectedReleaseOn: '2026-06-10', openAlerts: 0, next: overdue, risks: [] }, now),
    ).toContain('Expected release today');
  });

  it('speaks of the release, not the expected release, once released', () => {
    expect(
      whyListed(
        { releasedOn: RELEASED, expectedReleaseOn: '2026-03-13', openAlerts: 0, next: overdue, risks: [] },
        NOW,
      ),
    ).toEqual(['Overdue: Book a first appointment', 'Released 2 days ago']);
  });

  it('has words for every risk', () => {
    // Act
    const why = whyListed({ openAlerts: 0, next: overdue, risks: RISK_FLAGS }, NOW);

    // Assess
    expect(why).toEqual([
      'Overdue: Book a first appointment',
      'No fixed abode on release',
      'Opiate use and not on opioid substitution treatment at release',
      'No naloxone issued',
      'In the first days after release, the riskiest',
      'No first appointment booked',
      'First appointment missed',
    ]);
  });
});
