import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AlertState,
  alertsNoLongerHolding,
  caseChecks,
  type DueCheck,
  dueChecks,
  nextActionOf,
  raisedSlots,
  SERVICE_MEMBER_ID,
  slotOf,
} from '../../shared/domain/alert-rules.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { PATHWAYS } from '../../shared/domain/values.ts';
import { PartnershipSettings } from '../../shared/schemas/partnership.ts';
import { APPOINTMENT_STATUSES, type Appointment } from '../../shared/schemas/referral.ts';
import { appointment, referral, released } from './support/case-records.ts';

/**
 * Alert slots: what each alert is about, so that a rule about one subject (a first appointment,
 * an alert to escalate) fires once per subject. The rules are pure: every clock is fixed here.
 * The scenario (as in alert-rules.test.ts): referred 1 March 2026, expected out 10 March,
 * released 10 March (nominally 09:00 UTC), a first appointment booked on 9 March for 11 March 10:00.
 */
const DEFAULTS = PartnershipSettings.parse({});
const settingsWith = (alertRules: Partial<PartnershipSettings['alertRules']>) =>
  PartnershipSettings.parse({ alertRules });

/** The first appointment, marked missed at 10:20 on 11 March. */
const missedFirst = appointment({ status: 'missed', updatedAt: '2026-03-11T10:20:00.000Z' });
/** The first appointment rebooked after it was missed: created 11 March 11:00, for 13 March 10:00. */
const rebooked = (changes: Partial<Appointment> = {}) =>
  appointment({
    id: 'appointment-0002',
    at: '2026-03-13T10:00:00.000Z',
    createdAt: '2026-03-11T11:00:00.000Z',
    updatedAt: '2026-03-11T11:00:00.000Z',
    ...changes,
  });

/** An alert as the rules read it: open, raised at 09:00 on 11 March unless told otherwise. */
function alert<Extra extends object = object>(
  changes: Partial<AlertState> & Pick<AlertState, 'rule'> & Extra,
): AlertState & Extra {
  return { status: 'open', raisedAt: '2026-03-11T09:00:00.000Z', ...changes };
}

const byService = { memberId: SERVICE_MEMBER_ID };
const byMember = { memberId: 'member-0001' };

const slots = (checks: readonly DueCheck[]) => checks.map((check) => check.slot);

describe('SERVICE_MEMBER_ID and slotOf', () => {
  it('the service resolves alerts as member "service"', () => {
    expect(SERVICE_MEMBER_ID).toBe('service');
  });

  it("an alert's slot is its own, or its rule for an alert raised before slots existed", () => {
    // Prepare
    const slotted = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
    });
    const legacy = alert({ rule: 'first_appointment_missed' });

    // Act, assess
    expect(slotOf(slotted)).toBe('first_appointment_missed.appointment-0001');
    expect(slotOf(legacy)).toBe('first_appointment_missed');
    expect(slotOf({ rule: 'engagement_at_risk' })).toBe('engagement_at_risk');
  });
});

describe('caseChecks: slots', () => {
  it('gives each once-per-case rule its rule as its slot', () => {
    // Act
    const checks = caseChecks(released(), [], DEFAULTS);

    // Assess
    expect(checks).toEqual([
      { rule: 'no_first_appointment', slot: 'no_first_appointment', dueAt: '2026-03-11T09:00:00.000Z' },
      { rule: 'engagement_at_risk', slot: 'engagement_at_risk', dueAt: '2026-03-24T09:00:00.000Z' },
      {
        rule: 'engagement_window_missed',
        slot: 'engagement_window_missed',
        dueAt: '2026-04-01T00:00:00.000Z',
      },
    ]);
    expect(caseChecks(referral(), [], DEFAULTS)).toEqual([
      { rule: 'release_not_confirmed', slot: 'release_not_confirmed', dueAt: '2026-03-11T00:00:00.000Z' },
    ]);
  });

  it('slots first_appointment_missed by the appointment it watches, and names that appointment', () => {
    // Act
    const checks = caseChecks(released(), [appointment()], DEFAULTS);

    // Assess
    expect(checks[0]).toEqual({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      dueAt: '2026-03-11T14:00:00.000Z',
      appointmentId: 'appointment-0001',
    });
  });

  it('gives a rebooked first appointment its own first_appointment_missed slot', () => {
    // Act
    const checks = caseChecks(released(), [missedFirst, rebooked()], DEFAULTS);

    // Assess: only the newest first appointment is watched
    const missed = checks.filter((check) => check.rule === 'first_appointment_missed');
    expect(missed).toEqual([
      {
        rule: 'first_appointment_missed',
        slot: 'first_appointment_missed.appointment-0002',
        dueAt: '2026-03-13T14:00:00.000Z',
        appointmentId: 'appointment-0002',
      },
    ]);
  });

  it('slots the required assessment on drug testing on arrest the same way', () => {
    // Prepare
    const dtoa = referral({ pathway: 'drug_testing_on_arrest', expectedReleaseOn: undefined });

    // Act
    const checks = caseChecks(dtoa, [missedFirst], DEFAULTS);

    // Assess
    expect(checks).toEqual([
      {
        rule: 'first_appointment_missed',
        slot: 'first_appointment_missed.appointment-0001',
        dueAt: '2026-03-11T10:20:00.000Z',
        appointmentId: 'appointment-0001',
      },
    ]);
  });
});

describe('caseChecks: alert_unacknowledged', () => {
  it('escalates an open alert escalateAfterHours (default 24) after it was raised', () => {
    // Prepare
    const open = alert({ rule: 'no_first_appointment', slot: 'no_first_appointment' });

    // Act
    const checks = caseChecks(released(), [], DEFAULTS, [open]);

    // Assess
    expect(checks.filter((check) => check.rule === 'alert_unacknowledged')).toEqual([
      {
        rule: 'alert_unacknowledged',
        slot: 'alert_unacknowledged.no_first_appointment',
        dueAt: '2026-03-12T09:00:00.000Z',
        escalates: { slot: 'no_first_appointment', rule: 'no_first_appointment' },
      },
    ]);
  });

  it.each([
    [1, '2026-03-11T10:00:00.000Z'],
    [48, '2026-03-13T09:00:00.000Z'],
    [168, '2026-03-18T09:00:00.000Z'],
  ])('moves with escalateAfterHours = %i', (hours, dueAt) => {
    // Prepare
    const open = alert({ rule: 'no_first_appointment', slot: 'no_first_appointment' });

    // Act
    const checks = caseChecks(released(), [], settingsWith({ escalateAfterHours: hours }), [open]);

    // Assess
    expect(checks.find((check) => check.rule === 'alert_unacknowledged')?.dueAt).toBe(dueAt);
  });

  it('counts from raisedAt, not from when the escalated alert fell due', () => {
    // Prepare: a sweep that ran late raised the alert a day after it fell due
    const late = alert({
      rule: 'no_first_appointment',
      slot: 'no_first_appointment',
      dueAt: '2026-03-11T09:00:00.000Z',
      raisedAt: '2026-03-12T15:30:00.000Z',
    });

    // Act
    const checks = caseChecks(released(), [], DEFAULTS, [late]);

    // Assess
    expect(checks.find((check) => check.rule === 'alert_unacknowledged')?.dueAt).toBe(
      '2026-03-13T15:30:00.000Z',
    );
  });

  it("slots an escalation by the escalated alert's slot, appointment included", () => {
    // Prepare
    const open = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      raisedAt: '2026-03-11T10:20:00.000Z',
    });

    // Act
    const checks = caseChecks(released(), [missedFirst], DEFAULTS, [open]);

    // Assess
    expect(checks.find((check) => check.rule === 'alert_unacknowledged')).toEqual({
      rule: 'alert_unacknowledged',
      slot: 'alert_unacknowledged.first_appointment_missed.appointment-0001',
      dueAt: '2026-03-12T10:20:00.000Z',
      escalates: { slot: 'first_appointment_missed.appointment-0001', rule: 'first_appointment_missed' },
    });
  });

  it('slots the escalation of an alert raised before slots existed by its rule', () => {
    // Prepare
    const legacy = alert({ rule: 'first_appointment_missed', raisedAt: '2026-03-11T10:20:00.000Z' });

    // Act
    const checks = caseChecks(released(), [missedFirst], DEFAULTS, [legacy]);

    // Assess
    expect(checks.find((check) => check.rule === 'alert_unacknowledged')).toEqual({
      rule: 'alert_unacknowledged',
      slot: 'alert_unacknowledged.first_appointment_missed',
      dueAt: '2026-03-12T10:20:00.000Z',
      escalates: { slot: 'first_appointment_missed', rule: 'first_appointment_missed' },
    });
  });

  it('escalates each open alert once, each in its own slot', () => {
    // Prepare
    const alerts = [
      alert({
        rule: 'no_first_appointment',
        slot: 'no_first_appointment',
        raisedAt: '2026-03-11T09:00:00.000Z',
      }),
      alert({ rule: 'engagement_at_risk', slot: 'engagement_at_risk', raisedAt: '2026-03-24T09:00:00.000Z' }),
    ];

    // Act
    const checks = caseChecks(released(), [], DEFAULTS, alerts);

    // Assess
    expect(
      checks.filter((check) => check.rule === 'alert_unacknowledged').map((c) => [c.slot, c.dueAt]),
    ).toEqual([
      ['alert_unacknowledged.no_first_appointment', '2026-03-12T09:00:00.000Z'],
      ['alert_unacknowledged.engagement_at_risk', '2026-03-25T09:00:00.000Z'],
    ]);
  });

  it('never escalates an acknowledged or resolved alert', () => {
    // Prepare
    const alerts = [
      alert({ rule: 'no_first_appointment', slot: 'no_first_appointment', status: 'acknowledged' }),
      alert({
        rule: 'engagement_at_risk',
        slot: 'engagement_at_risk',
        status: 'resolved',
        resolvedBy: byMember,
      }),
      alert({
        rule: 'release_not_confirmed',
        slot: 'release_not_confirmed',
        status: 'resolved',
        resolvedBy: byService,
      }),
    ];

    // Act
    const checks = caseChecks(released(), [], DEFAULTS, alerts);

    // Assess
    expect(checks.map((check) => check.rule)).not.toContain('alert_unacknowledged');
  });

  it('never escalates an alert_unacknowledged itself', () => {
    // Prepare
    const escalation = alert({
      rule: 'alert_unacknowledged',
      slot: 'alert_unacknowledged.no_first_appointment',
      raisedAt: '2026-03-12T09:00:00.000Z',
    });

    // Act
    const checks = caseChecks(released(), [], DEFAULTS, [escalation]);

    // Assess
    expect(checks.map((check) => check.rule)).not.toContain('alert_unacknowledged');
  });

  it('escalates on a pathway without a release too (drug testing on arrest)', () => {
    // Prepare
    const dtoa = referral({ pathway: 'drug_testing_on_arrest', expectedReleaseOn: undefined });
    const open = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      raisedAt: '2026-03-11T10:20:00.000Z',
    });

    // Act
    const checks = caseChecks(dtoa, [missedFirst], DEFAULTS, [open]);

    // Assess
    expect(slots(checks)).toEqual([
      'first_appointment_missed.appointment-0001',
      'alert_unacknowledged.first_appointment_missed.appointment-0001',
    ]);
  });

  it('escalates nothing on an engaged or closed case, whatever its open alerts', () => {
    // Prepare
    const open = [alert({ rule: 'engagement_at_risk', slot: 'engagement_at_risk' })];

    // Act, assess
    expect(caseChecks(released({ status: 'engaged', engagedOn: '2026-03-20' }), [], DEFAULTS, open)).toEqual(
      [],
    );
    expect(caseChecks(released({ engagedOn: '2026-03-20' }), [], DEFAULTS, open)).toEqual([]);
    expect(caseChecks(released({ status: 'closed', closedOn: '2026-03-20' }), [], DEFAULTS, open)).toEqual(
      [],
    );
  });

  it('sorts the escalations among the other checks by due time, then by slot', () => {
    // Prepare: two alerts raised at the same instant escalate at the same instant
    const alerts = [
      alert({
        rule: 'release_not_confirmed',
        slot: 'release_not_confirmed',
        raisedAt: '2026-03-20T09:00:00.000Z',
      }),
      alert({
        rule: 'no_first_appointment',
        slot: 'no_first_appointment',
        raisedAt: '2026-03-20T09:00:00.000Z',
      }),
    ];

    // Act
    const checks = caseChecks(released(), [], DEFAULTS, alerts);

    // Assess
    expect(checks.map((check) => [check.dueAt, check.slot])).toEqual([
      ['2026-03-11T09:00:00.000Z', 'no_first_appointment'],
      ['2026-03-21T09:00:00.000Z', 'alert_unacknowledged.no_first_appointment'],
      ['2026-03-21T09:00:00.000Z', 'alert_unacknowledged.release_not_confirmed'],
      ['2026-03-24T09:00:00.000Z', 'engagement_at_risk'],
      ['2026-04-01T00:00:00.000Z', 'engagement_window_missed'],
    ]);
  });
});

describe('raisedSlots', () => {
  it("holds each alert's slot, open, acknowledged or resolved by a member", () => {
    // Prepare
    const alerts = [
      alert({ rule: 'no_first_appointment', slot: 'no_first_appointment', status: 'open' }),
      alert({
        rule: 'first_appointment_missed',
        slot: 'first_appointment_missed.appointment-0001',
        status: 'acknowledged',
      }),
      alert({
        rule: 'alert_unacknowledged',
        slot: 'alert_unacknowledged.no_first_appointment',
        status: 'resolved',
        resolvedBy: byMember,
      }),
    ];

    // Act
    const raised = raisedSlots(alerts, [appointment()]);

    // Assess
    expect([...raised].sort()).toEqual([
      'alert_unacknowledged.no_first_appointment',
      'first_appointment_missed.appointment-0001',
      'no_first_appointment',
    ]);
  });

  it('holds the rule of a once-per-case alert raised before slots existed', () => {
    // Act
    const raised = raisedSlots([alert({ rule: 'release_not_confirmed' })], []);

    // Assess
    expect([...raised]).toEqual(['release_not_confirmed']);
  });

  it('leaves out an alert the service withdrew, so it can be raised again', () => {
    // Prepare
    const alerts = [
      alert({
        rule: 'release_not_confirmed',
        slot: 'release_not_confirmed',
        status: 'resolved',
        resolvedBy: byService,
      }),
      alert({
        rule: 'engagement_at_risk',
        slot: 'engagement_at_risk',
        status: 'resolved',
        resolvedBy: byMember,
      }),
    ];

    // Act
    const raised = raisedSlots(alerts, []);

    // Assess
    expect([...raised]).toEqual(['engagement_at_risk']);
  });

  it('takes a legacy first_appointment_missed to cover each first appointment created up to its raisedAt', () => {
    // Prepare
    const legacy = alert({ rule: 'first_appointment_missed', raisedAt: '2026-03-11T10:20:00.000Z' });
    const atTheSameInstant = appointment({ id: 'appointment-0003', createdAt: '2026-03-11T10:20:00.000Z' });
    const followUp = appointment({ id: 'appointment-0004', kind: 'follow_up' });

    // Act
    const raised = raisedSlots([legacy], [missedFirst, rebooked(), atTheSameInstant, followUp]);

    // Assess: the rebooked one (created 11:00) is not covered, nor the follow-up, nor the bare rule
    expect([...raised].sort()).toEqual([
      'first_appointment_missed.appointment-0001',
      'first_appointment_missed.appointment-0003',
    ]);
  });

  it('keeps a first_appointment_missed the service withdrew as raised: an appointment is alerted once', () => {
    // Prepare: withdrawn when a new first appointment was booked (which may then be cancelled).
    const legacy = alert({
      rule: 'first_appointment_missed',
      raisedAt: '2026-03-11T10:20:00.000Z',
      status: 'resolved',
      resolvedBy: byService,
    });

    // Act, assess
    expect([...raisedSlots([legacy], [missedFirst])]).toEqual([`first_appointment_missed.${missedFirst.id}`]);
  });

  it('is empty for a case with no alerts', () => {
    expect(raisedSlots([], [appointment()]).size).toBe(0);
  });
});

describe('dueChecks with raised slots and alerts', () => {
  it('raises first_appointment_missed again when the rebooked first appointment is missed too', () => {
    // Prepare
    const first = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      raisedAt: '2026-03-11T10:20:00.000Z',
      status: 'resolved',
      resolvedBy: byService,
    });
    const missedAgain = rebooked({ status: 'missed', updatedAt: '2026-03-13T10:30:00.000Z' });
    const appointments = [missedFirst, missedAgain];

    // Act
    const checks = dueChecks(released(), appointments, DEFAULTS, raisedSlots([first], appointments), [first]);

    // Assess
    expect(checks[0]).toEqual({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0002',
      dueAt: '2026-03-13T10:30:00.000Z',
      appointmentId: 'appointment-0002',
    });
  });

  it('raises it again over a first alert resolved by a member too: the slot differs', () => {
    // Prepare
    const first = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      status: 'resolved',
      resolvedBy: byMember,
    });
    const missedAgain = rebooked({ status: 'missed', updatedAt: '2026-03-13T10:30:00.000Z' });
    const appointments = [missedFirst, missedAgain];

    // Act
    const checks = dueChecks(released(), appointments, DEFAULTS, raisedSlots([first], appointments), [first]);

    // Assess
    expect(slots(checks)).toContain('first_appointment_missed.appointment-0002');
  });

  it('does not raise first_appointment_missed twice for the same appointment', () => {
    // Prepare
    const raisedOnce = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      status: 'acknowledged',
    });

    // Act
    const checks = dueChecks(released(), [missedFirst], DEFAULTS, raisedSlots([raisedOnce], [missedFirst]), [
      raisedOnce,
    ]);

    // Assess
    expect(checks.map((check) => check.rule)).not.toContain('first_appointment_missed');
  });

  it('does not raise again for a first appointment a legacy alert covers, but does for one booked after it', () => {
    // Prepare
    const legacy = alert({
      rule: 'first_appointment_missed',
      raisedAt: '2026-03-11T10:20:00.000Z',
      status: 'resolved',
      resolvedBy: byMember,
    });
    const missedAgain = rebooked({ status: 'missed', updatedAt: '2026-03-13T10:30:00.000Z' });

    // Act
    const onlyTheFirst = dueChecks(
      released(),
      [missedFirst],
      DEFAULTS,
      raisedSlots([legacy], [missedFirst]),
      [legacy],
    );
    const both = [missedFirst, missedAgain];
    const afterRebooking = dueChecks(released(), both, DEFAULTS, raisedSlots([legacy], both), [legacy]);

    // Assess
    expect(onlyTheFirst.map((check) => check.rule)).not.toContain('first_appointment_missed');
    expect(slots(afterRebooking)).toContain('first_appointment_missed.appointment-0002');
  });

  it('raises an alert the service withdrew again once its condition is back', () => {
    // Prepare: release_not_confirmed withdrawn when the expected date moved; it has now passed
    const withdrawn = alert({
      rule: 'release_not_confirmed',
      slot: 'release_not_confirmed',
      raisedAt: '2026-03-11T00:00:00.000Z',
      status: 'resolved',
      resolvedBy: byService,
    });
    const later = referral({ expectedReleaseOn: '2026-03-17' });

    // Act
    const checks = dueChecks(later, [], DEFAULTS, raisedSlots([withdrawn], []), [withdrawn]);

    // Assess
    expect(checks).toEqual([
      { rule: 'release_not_confirmed', slot: 'release_not_confirmed', dueAt: '2026-03-18T00:00:00.000Z' },
    ]);
  });

  it('does not raise again an alert a member resolved', () => {
    // Prepare
    const resolved = alert({
      rule: 'release_not_confirmed',
      slot: 'release_not_confirmed',
      status: 'resolved',
      resolvedBy: byMember,
    });

    // Act
    const checks = dueChecks(referral(), [], DEFAULTS, raisedSlots([resolved], []), [resolved]);

    // Assess
    expect(checks).toEqual([]);
  });

  it('escalates an open alert once: not again once its escalation is raised', () => {
    // Prepare
    const open = alert({ rule: 'no_first_appointment', slot: 'no_first_appointment' });
    const escalation = alert({
      rule: 'alert_unacknowledged',
      slot: 'alert_unacknowledged.no_first_appointment',
      raisedAt: '2026-03-12T09:00:00.000Z',
    });
    const other = alert({
      rule: 'engagement_at_risk',
      slot: 'engagement_at_risk',
      raisedAt: '2026-03-24T09:00:00.000Z',
    });
    const alerts = [open, escalation, other];

    // Act
    const checks = dueChecks(released(), [], DEFAULTS, raisedSlots(alerts, []), alerts);

    // Assess: only the other open alert is still to escalate
    expect(checks).toEqual([
      {
        rule: 'alert_unacknowledged',
        slot: 'alert_unacknowledged.engagement_at_risk',
        dueAt: '2026-03-25T09:00:00.000Z',
        escalates: { slot: 'engagement_at_risk', rule: 'engagement_at_risk' },
      },
      {
        rule: 'engagement_window_missed',
        slot: 'engagement_window_missed',
        dueAt: '2026-04-01T00:00:00.000Z',
      },
    ]);
  });

  it('escalates the second first_appointment_missed apart from the first', () => {
    // Prepare
    const first = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      raisedAt: '2026-03-11T10:20:00.000Z',
    });
    const firstEscalated = alert({
      rule: 'alert_unacknowledged',
      slot: 'alert_unacknowledged.first_appointment_missed.appointment-0001',
      raisedAt: '2026-03-12T10:20:00.000Z',
    });
    const second = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0002',
      raisedAt: '2026-03-13T10:30:00.000Z',
    });
    const alerts = [first, firstEscalated, second];
    const appointments = [missedFirst, rebooked({ status: 'missed', updatedAt: '2026-03-13T10:30:00.000Z' })];

    // Act
    const checks = dueChecks(released(), appointments, DEFAULTS, raisedSlots(alerts, appointments), alerts);

    // Assess
    expect(checks.filter((check) => check.rule === 'alert_unacknowledged')).toEqual([
      {
        rule: 'alert_unacknowledged',
        slot: 'alert_unacknowledged.first_appointment_missed.appointment-0002',
        dueAt: '2026-03-14T10:30:00.000Z',
        escalates: { slot: 'first_appointment_missed.appointment-0002', rule: 'first_appointment_missed' },
      },
    ]);
  });

  it('takes a bare rule name in `raised` to cover every slot of that rule', () => {
    // Prepare
    const open = alert({ rule: 'no_first_appointment', slot: 'no_first_appointment' });

    // Act
    const noMissed = dueChecks(released(), [missedFirst], DEFAULTS, new Set(['first_appointment_missed']));
    const noEscalation = dueChecks(released(), [], DEFAULTS, new Set(['alert_unacknowledged']), [open]);

    // Assess
    expect(noMissed.map((check) => check.rule)).not.toContain('first_appointment_missed');
    expect(noEscalation.map((check) => check.rule)).not.toContain('alert_unacknowledged');
    expect(noEscalation.map((check) => check.rule)).toContain('no_first_appointment');
  });

  it('without alerts answers no escalations (the default)', () => {
    expect(dueChecks(released(), [], DEFAULTS).map((check) => check.rule)).not.toContain(
      'alert_unacknowledged',
    );
  });
});

describe('alertsNoLongerHolding', () => {
  /** 12 March 2026, noon: after every early rule fell due, before the engagement ones. */
  const NOW = new Date('2026-03-12T12:00:00.000Z');

  it('answers no_first_appointment once a first appointment is booked', () => {
    // Prepare
    const open = alert({ rule: 'no_first_appointment', slot: 'no_first_appointment', id: 'a1' });

    // Act
    const without = alertsNoLongerHolding(released(), [], DEFAULTS, [open], NOW);
    const booked = alertsNoLongerHolding(released(), [rebooked()], DEFAULTS, [open], NOW);

    // Assess
    expect(without).toEqual([]);
    expect(booked).toEqual([open]);
  });

  it('answers the alerts themselves, with whatever else they carry', () => {
    // Prepare
    const open = alert({ rule: 'no_first_appointment', slot: 'no_first_appointment', id: 'a1', version: 3 });

    // Act
    const [answered] = alertsNoLongerHolding(released(), [rebooked()], DEFAULTS, [open], NOW);

    // Assess
    expect(answered).toBe(open);
    expect(answered?.id).toBe('a1');
  });

  it('answers release_not_confirmed once the expected date moves later, not earlier', () => {
    // Prepare
    const open = alert({
      rule: 'release_not_confirmed',
      slot: 'release_not_confirmed',
      raisedAt: '2026-03-11T00:00:00.000Z',
    });

    // Act
    const later = alertsNoLongerHolding(
      referral({ expectedReleaseOn: '2026-03-20' }),
      [],
      DEFAULTS,
      [open],
      NOW,
    );
    const earlier = alertsNoLongerHolding(
      referral({ expectedReleaseOn: '2026-03-05' }),
      [],
      DEFAULTS,
      [open],
      NOW,
    );
    const same = alertsNoLongerHolding(referral(), [], DEFAULTS, [open], NOW);

    // Assess
    expect(later).toEqual([open]);
    expect(earlier).toEqual([]);
    expect(same).toEqual([]);
  });

  it('answers release_not_confirmed when the expected date moves to today (due tomorrow)', () => {
    // Prepare
    const open = alert({ rule: 'release_not_confirmed', slot: 'release_not_confirmed' });

    // Act
    const today = alertsNoLongerHolding(
      referral({ expectedReleaseOn: '2026-03-12' }),
      [],
      DEFAULTS,
      [open],
      NOW,
    );
    const yesterday = alertsNoLongerHolding(
      referral({ expectedReleaseOn: '2026-03-11' }),
      [],
      DEFAULTS,
      [open],
      NOW,
    );

    // Assess
    expect(today).toEqual([open]);
    expect(yesterday).toEqual([]);
  });

  it('answers release_not_confirmed once a release is recorded or the expected date is removed', () => {
    // Prepare
    const open = alert({
      rule: 'release_not_confirmed',
      slot: 'release_not_confirmed',
      status: 'acknowledged',
    });

    // Act, assess
    expect(alertsNoLongerHolding(released({ releasedOn: '2026-03-12' }), [], DEFAULTS, [open], NOW)).toEqual([
      open,
    ]);
    expect(
      alertsNoLongerHolding(referral({ expectedReleaseOn: undefined }), [], DEFAULTS, [open], NOW),
    ).toEqual([open]);
  });

  it('answers every unresolved alert once the case is engaged or closed', () => {
    // Prepare
    const alerts = [
      alert({ rule: 'no_first_appointment', slot: 'no_first_appointment' }),
      alert({ rule: 'engagement_at_risk', slot: 'engagement_at_risk', status: 'acknowledged' }),
      alert({ rule: 'alert_unacknowledged', slot: 'alert_unacknowledged.no_first_appointment' }),
      alert({
        rule: 'engagement_window_missed',
        slot: 'engagement_window_missed',
        status: 'resolved',
        resolvedBy: byMember,
      }),
    ];
    const later = new Date('2026-04-10T12:00:00.000Z');

    // Act
    const engaged = alertsNoLongerHolding(
      released({ status: 'engaged', engagedOn: '2026-04-09' }),
      [],
      DEFAULTS,
      alerts,
      later,
    );
    const closed = alertsNoLongerHolding(
      released({ status: 'closed', closedOn: '2026-04-09' }),
      [],
      DEFAULTS,
      alerts,
      later,
    );

    // Assess: the resolved one is not answered again
    expect(engaged).toEqual(alerts.slice(0, 3));
    expect(closed).toEqual(alerts.slice(0, 3));
  });

  it('keeps the engagement alerts while the released case is not engaged', () => {
    // Prepare
    const alerts = [
      alert({ rule: 'engagement_at_risk', slot: 'engagement_at_risk', raisedAt: '2026-03-24T09:00:00.000Z' }),
      alert({
        rule: 'engagement_window_missed',
        slot: 'engagement_window_missed',
        raisedAt: '2026-04-01T00:00:00.000Z',
        status: 'acknowledged',
      }),
    ];

    // Act
    const held = alertsNoLongerHolding(
      released(),
      [rebooked()],
      DEFAULTS,
      alerts,
      new Date('2026-04-02T00:00:00.000Z'),
    );

    // Assess
    expect(held).toEqual([]);
  });

  it('answers first_appointment_missed for an appointment once a new first appointment is booked', () => {
    // Prepare
    const open = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
    });

    // Act
    const stillWatched = alertsNoLongerHolding(released(), [missedFirst], DEFAULTS, [open], NOW);
    const afterRebooking = alertsNoLongerHolding(
      released(),
      [missedFirst, rebooked()],
      DEFAULTS,
      [open],
      NOW,
    );

    // Assess
    expect(stillWatched).toEqual([]);
    expect(afterRebooking).toEqual([open]);
  });

  it('keeps the first_appointment_missed of the watched appointment still booked after its grace', () => {
    // Prepare: booked for 11 March 10:00, not marked; grace over at 14:00
    const open = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      raisedAt: '2026-03-11T14:00:00.000Z',
    });

    // Act
    const held = alertsNoLongerHolding(released(), [appointment()], DEFAULTS, [open], NOW);
    const attended = alertsNoLongerHolding(
      released(),
      [appointment({ status: 'attended' })],
      DEFAULTS,
      [open],
      NOW,
    );

    // Assess
    expect(held).toEqual([]);
    expect(attended).toEqual([open]);
  });

  it('answers a legacy first_appointment_missed once a first appointment is booked after it was raised', () => {
    // Prepare
    const legacy = alert({ rule: 'first_appointment_missed', raisedAt: '2026-03-11T10:20:00.000Z' });

    // Act
    const stillWatched = alertsNoLongerHolding(released(), [missedFirst], DEFAULTS, [legacy], NOW);
    const afterRebooking = alertsNoLongerHolding(
      released(),
      [missedFirst, rebooked()],
      DEFAULTS,
      [legacy],
      NOW,
    );
    const noneLeft = alertsNoLongerHolding(
      released(),
      [appointment({ status: 'cancelled' })],
      DEFAULTS,
      [legacy],
      NOW,
    );

    // Assess
    expect(stillWatched).toEqual([]);
    expect(afterRebooking).toEqual([legacy]);
    expect(noneLeft).toEqual([legacy]);
  });

  it('answers alert_unacknowledged once the alert it escalates is acknowledged', () => {
    // Prepare
    const escalation = alert({
      rule: 'alert_unacknowledged',
      slot: 'alert_unacknowledged.no_first_appointment',
      raisedAt: '2026-03-12T09:00:00.000Z',
    });
    const open = alert({ rule: 'no_first_appointment', slot: 'no_first_appointment' });
    const acknowledged = { ...open, status: 'acknowledged' as const };

    // Act
    const whileOpen = alertsNoLongerHolding(released(), [], DEFAULTS, [open, escalation], NOW);
    const afterAcknowledging = alertsNoLongerHolding(
      released(),
      [],
      DEFAULTS,
      [acknowledged, escalation],
      NOW,
    );

    // Assess
    expect(whileOpen).toEqual([]);
    expect(afterAcknowledging).toEqual([escalation]);
  });

  it('answers alert_unacknowledged once the alert it escalates is resolved', () => {
    // Prepare
    const escalation = alert({
      rule: 'alert_unacknowledged',
      slot: 'alert_unacknowledged.no_first_appointment',
    });
    const resolved = alert({
      rule: 'no_first_appointment',
      slot: 'no_first_appointment',
      status: 'resolved',
      resolvedBy: byMember,
    });

    // Act, assess
    expect(alertsNoLongerHolding(released(), [], DEFAULTS, [resolved, escalation], NOW)).toEqual([
      escalation,
    ]);
  });

  // BUG: the escalation is judged against the alerts as they were, so when one change clears both
  // an alert and its escalation, only the alert is answered; the escalation stays open.
  it('answers an alert_unacknowledged together with the alert it escalates when that stops holding', () => {
    // Prepare: release_not_confirmed raised 11 March 00:00, escalated 12 March 00:00; then the release is recorded
    const open = alert({
      rule: 'release_not_confirmed',
      slot: 'release_not_confirmed',
      raisedAt: '2026-03-11T00:00:00.000Z',
    });
    const escalation = alert({
      rule: 'alert_unacknowledged',
      slot: 'alert_unacknowledged.release_not_confirmed',
      raisedAt: '2026-03-12T00:00:00.000Z',
    });

    // Act
    const cleared = alertsNoLongerHolding(
      released({ releasedOn: '2026-03-12' }),
      [],
      DEFAULTS,
      [open, escalation],
      NOW,
    );

    // Assess
    expect(cleared).toEqual([open, escalation]);
  });

  it('never answers a resolved alert', () => {
    // Prepare
    const alerts = [
      alert({
        rule: 'no_first_appointment',
        slot: 'no_first_appointment',
        status: 'resolved',
        resolvedBy: byService,
      }),
      alert({
        rule: 'first_appointment_missed',
        slot: 'first_appointment_missed.appointment-0009',
        status: 'resolved',
        resolvedBy: byMember,
      }),
    ];

    // Act, assess
    expect(
      alertsNoLongerHolding(
        released({ status: 'closed', closedOn: '2026-03-12' }),
        [],
        DEFAULTS,
        alerts,
        NOW,
      ),
    ).toEqual([]);
  });

  it('judges the condition at `now`: a rule not yet due again does not hold', () => {
    // Prepare: the first appointment was rescheduled to 20 March after the alert was raised
    const open = alert({
      rule: 'first_appointment_missed',
      slot: 'first_appointment_missed.appointment-0001',
      raisedAt: '2026-03-11T14:00:00.000Z',
    });
    const moved = appointment({ status: 'rescheduled', at: '2026-03-20T10:00:00.000Z' });

    // Act
    const before = alertsNoLongerHolding(released(), [moved], DEFAULTS, [open], NOW);
    const after = alertsNoLongerHolding(
      released(),
      [moved],
      DEFAULTS,
      [open],
      new Date('2026-03-20T14:00:00.000Z'),
    );

    // Assess
    expect(before).toEqual([open]);
    expect(after).toEqual([]);
  });
});

describe('nextActionOf', () => {
  const pending = caseChecks(released(), [], DEFAULTS);

  it('is empty with no alerts and nothing to come', () => {
    expect(nextActionOf([], [])).toBeUndefined();
    expect(
      nextActionOf([], [alert({ rule: 'no_first_appointment', status: 'resolved', resolvedBy: byMember })]),
    ).toBeUndefined();
  });

  it('is the earliest check still to come when no alert is unresolved', () => {
    expect(nextActionOf(pending, [])).toEqual({
      rule: 'no_first_appointment',
      dueAt: '2026-03-11T09:00:00.000Z',
    });
  });

  it('answers only the rule and due time', () => {
    // Prepare
    const [check] = caseChecks(released(), [appointment()], DEFAULTS);

    // Act, assess
    expect(nextActionOf([check as DueCheck], [])).toEqual({
      rule: 'first_appointment_missed',
      dueAt: '2026-03-11T14:00:00.000Z',
    });
  });

  it('is an unresolved alert (open or acknowledged) due before every check', () => {
    // Prepare
    const later = pending.filter((check) => check.rule !== 'no_first_appointment');
    const open = alert({
      rule: 'no_first_appointment',
      slot: 'no_first_appointment',
      dueAt: '2026-03-11T09:00:00.000Z',
    });

    // Act, assess
    expect(nextActionOf(later, [open])).toEqual({
      rule: 'no_first_appointment',
      dueAt: '2026-03-11T09:00:00.000Z',
    });
    expect(nextActionOf(later, [{ ...open, status: 'acknowledged' }])).toEqual({
      rule: 'no_first_appointment',
      dueAt: '2026-03-11T09:00:00.000Z',
    });
  });

  it('is a check to come when it falls due before the unresolved alerts', () => {
    // Prepare
    const open = alert({ rule: 'release_not_confirmed', dueAt: '2026-03-30T00:00:00.000Z' });

    // Act, assess
    expect(nextActionOf(pending, [open])?.rule).toBe('no_first_appointment');
  });

  it('dates an alert without dueAt by its raisedAt', () => {
    // Prepare
    const legacy = alert({ rule: 'release_not_confirmed', raisedAt: '2026-03-11T00:00:00.000Z' });

    // Act, assess
    expect(nextActionOf(pending, [legacy])).toEqual({
      rule: 'release_not_confirmed',
      dueAt: '2026-03-11T00:00:00.000Z',
    });
  });

  it('ignores resolved alerts', () => {
    // Prepare
    const resolved = alert({
      rule: 'release_not_confirmed',
      dueAt: '2026-03-01T00:00:00.000Z',
      status: 'resolved',
      resolvedBy: byMember,
    });

    // Act, assess
    expect(nextActionOf(pending, [resolved])?.rule).toBe('no_first_appointment');
  });

  it('is never empty while an alert is unresolved, even with nothing to come', () => {
    // Prepare
    const acknowledged = alert({
      rule: 'engagement_window_missed',
      status: 'acknowledged',
      dueAt: '2026-04-01T00:00:00.000Z',
    });

    // Act, assess
    expect(nextActionOf([], [acknowledged])).toEqual({
      rule: 'engagement_window_missed',
      dueAt: '2026-04-01T00:00:00.000Z',
    });
  });
});

describe('properties', () => {
  const BASE = Date.parse('2026-03-01T00:00:00.000Z');
  const HOUR = 3_600_000;
  const instant = (hours: number) => new Date(BASE + hours * HOUR).toISOString();
  const date = fc.integer({ min: 0, max: 40 }).map((offset) => addDays('2026-03-01', offset));
  const status = fc.constantFrom('open' as const, 'acknowledged' as const, 'resolved' as const);
  const resolver = fc.constantFrom(SERVICE_MEMBER_ID, 'member-0001');

  const scenario = fc.record({
    pathway: fc.constantFrom(...PATHWAYS),
    caseStatus: fc.constantFrom('open', 'engaged', 'closed'),
    releasedOn: fc.option(date, { nil: undefined }),
    expectedReleaseOn: fc.option(date, { nil: undefined }),
    appointments: fc.array(
      fc.record({
        kind: fc.constantFrom('first' as const, 'follow_up' as const),
        status: fc.constantFrom(...APPOINTMENT_STATUSES),
        atHours: fc.integer({ min: 0, max: 40 * 24 }),
        createdHours: fc.integer({ min: 0, max: 40 * 24 }),
        updatedHours: fc.integer({ min: 0, max: 40 * 24 }),
      }),
      { maxLength: 4 },
    ),
    // Earlier alerts, as indexes into the case's checks (so their slots are real ones) or legacy.
    alerts: fc.array(
      fc.record({
        pick: fc.nat(),
        legacy: fc.boolean(),
        status,
        resolver,
        raisedHours: fc.integer({ min: 0, max: 40 * 24 }),
        escalation: fc.option(fc.record({ status, resolver, afterHours: fc.integer({ min: 1, max: 200 }) }), {
          nil: undefined,
        }),
      }),
      { maxLength: 5 },
    ),
    escalateAfterHours: fc.integer({ min: 1, max: 168 }),
    nowHours: fc.integer({ min: 0, max: 45 * 24 }),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

  function build(s: Scenario) {
    const prison = s.pathway === 'continuity_of_care' || s.pathway === 'through_the_gate';
    const ref = referral({
      pathway: s.pathway,
      expectedReleaseOn: prison ? s.expectedReleaseOn : undefined,
      ...(prison && s.releasedOn ? { status: 'released', releasedOn: s.releasedOn } : {}),
      ...(s.caseStatus === 'engaged' ? { status: 'engaged', engagedOn: s.releasedOn ?? '2026-03-20' } : {}),
      ...(s.caseStatus === 'closed' ? { status: 'closed', closedOn: '2026-03-20' } : {}),
    });
    const appointments = s.appointments.map((a, i) =>
      appointment({
        id: `appointment-${i}`,
        kind: a.kind,
        status: a.status,
        at: instant(a.atHours),
        createdAt: instant(a.createdHours),
        updatedAt: instant(a.updatedHours),
      }),
    );
    const settings = settingsWith({ escalateAfterHours: s.escalateAfterHours });
    // Alerts drawn from what the case (still open, no alerts) would define, so their slots are real.
    const possible = caseChecks({ ...ref, status: 'released', engagedOn: undefined }, appointments, settings);
    const seen = new Set<string>();
    const alerts: (AlertState & { id: string })[] = [];
    for (const drawn of s.alerts) {
      const check = possible[drawn.pick % Math.max(possible.length, 1)];
      if (!check || seen.has(check.slot)) continue;
      seen.add(check.slot);
      alerts.push({
        id: `alert-${alerts.length}`,
        rule: check.rule,
        ...(drawn.legacy && check.rule !== 'alert_unacknowledged' ? {} : { slot: check.slot }),
        status: drawn.status,
        raisedAt: instant(drawn.raisedHours),
        dueAt: check.dueAt,
        ...(drawn.status === 'resolved' ? { resolvedBy: { memberId: drawn.resolver } } : {}),
      });
      const escalation = drawn.escalation;
      if (escalation) {
        const raisedAt = instant(drawn.raisedHours + escalation.afterHours);
        alerts.push({
          id: `alert-${alerts.length}`,
          rule: 'alert_unacknowledged',
          slot: `alert_unacknowledged.${drawn.legacy ? check.rule : check.slot}`,
          status: escalation.status,
          raisedAt,
          dueAt: raisedAt,
          ...(escalation.status === 'resolved' ? { resolvedBy: { memberId: escalation.resolver } } : {}),
        });
      }
    }
    return { ref, appointments, settings, alerts, now: new Date(BASE + s.nowHours * HOUR) };
  }

  it('answer each slot once, sorted, and escalate exactly the open alerts that are not escalations', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // Prepare
        const { ref, appointments, settings, alerts } = build(s);

        // Act
        const checks = caseChecks(ref, appointments, settings, alerts);

        // Assess
        const names = slots(checks);
        expect(new Set(names).size).toBe(names.length);
        expect(
          [...checks].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.slot.localeCompare(b.slot)),
        ).toEqual(checks);
        for (const check of checks) {
          expect(check.slot === check.rule || check.slot.startsWith(`${check.rule}.`)).toBe(true);
          if (check.rule === 'first_appointment_missed') {
            expect(check.slot).toBe(`first_appointment_missed.${check.appointmentId}`);
          }
          if (check.rule === 'alert_unacknowledged') {
            expect(check.slot).toBe(`alert_unacknowledged.${check.escalates?.slot}`);
            expect(check.escalates?.rule).not.toBe('alert_unacknowledged');
          }
        }
        const over = ref.status === 'closed' || ref.status === 'engaged';
        const escalated = checks
          .filter((check) => check.rule === 'alert_unacknowledged')
          .map((c) => c.escalates?.slot);
        const toEscalate = over
          ? []
          : alerts.filter((a) => a.status === 'open' && a.rule !== 'alert_unacknowledged').map(slotOf);
        expect(escalated.sort()).toEqual(toEscalate.sort());
      }),
      { numRuns: 400 },
    );
  });

  it('never answer a raised slot, and leave out nothing else', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // Prepare
        const { ref, appointments, settings, alerts } = build(s);
        const raised = raisedSlots(alerts, appointments);

        // Act
        const checks = dueChecks(ref, appointments, settings, raised, alerts);

        // Assess
        for (const check of checks) expect(raised.has(check.slot)).toBe(false);
        const all = caseChecks(ref, appointments, settings, alerts);
        expect(all.filter((check) => !raised.has(check.slot))).toEqual(checks);
        for (const a of alerts) {
          if (a.status === 'resolved' && a.resolvedBy?.memberId === SERVICE_MEMBER_ID) continue;
          if (a.slot) expect(raised.has(a.slot)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a sweep that raises every due check leaves nothing due, and what it raised holds', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // Prepare
        const { ref, appointments, settings, alerts: before, now } = build(s);
        const at = now.toISOString();
        // The sweep first resolves (as the service) what no longer holds, as raise-alerts.ts does.
        const withdrawn = alertsNoLongerHolding(ref, appointments, settings, before, now);
        const alerts = before.map((alert) =>
          withdrawn.includes(alert)
            ? { ...alert, status: 'resolved' as const, resolvedBy: { memberId: SERVICE_MEMBER_ID } }
            : alert,
        );
        const due = dueChecks(ref, appointments, settings, raisedSlots(alerts, appointments), alerts).filter(
          (check) => check.dueAt <= at,
        );
        const raisedNow = due.map((check) => ({
          id: `new-${check.slot}`,
          rule: check.rule,
          slot: check.slot,
          status: 'open' as const,
          raisedAt: at,
          dueAt: check.dueAt,
        }));
        const afterwards = [
          ...alerts.filter((a) => !due.some((check) => check.slot === slotOf(a))),
          ...raisedNow,
        ];

        // Act
        const still = dueChecks(
          ref,
          appointments,
          settings,
          raisedSlots(afterwards, appointments),
          afterwards,
        ).filter((check) => check.dueAt <= at);
        const cleared = alertsNoLongerHolding(ref, appointments, settings, afterwards, now);

        // Assess
        expect(still).toEqual([]);
        for (const alert of raisedNow) expect(cleared).not.toContain(alert);
      }),
      { numRuns: 400 },
    );
  });

  it('alertsNoLongerHolding answers only unresolved alerts, and all of them once the case is over', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // Prepare
        const { ref, appointments, settings, alerts, now } = build(s);

        // Act
        const cleared = alertsNoLongerHolding(ref, appointments, settings, alerts, now);

        // Assess
        for (const alert of cleared) {
          expect(alerts).toContain(alert);
          expect(alert.status).not.toBe('resolved');
        }
        if (ref.status === 'closed' || ref.status === 'engaged') {
          expect(cleared).toEqual(alerts.filter((a) => a.status !== 'resolved'));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('nextActionOf is the earliest of the unresolved alerts and the checks, never empty while one is unresolved', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // Prepare
        const { ref, appointments, settings, alerts } = build(s);
        const pending = dueChecks(ref, appointments, settings, raisedSlots(alerts, appointments), alerts);
        const unresolved = alerts.filter((a) => a.status !== 'resolved');

        // Act
        const next = nextActionOf(pending, alerts);

        // Assess
        const times = [
          ...unresolved.map((a) => a.dueAt ?? a.raisedAt),
          ...pending.map((c) => c.dueAt),
        ].sort();
        if (times.length === 0) expect(next).toBeUndefined();
        else expect(next?.dueAt).toBe(times[0]);
        if (unresolved.length > 0) expect(next).toBeDefined();
        const candidates = [
          ...unresolved.map((a) => ({ rule: a.rule, dueAt: a.dueAt ?? a.raisedAt })),
          ...pending.map((c) => ({ rule: c.rule, dueAt: c.dueAt })),
        ];
        if (next) expect(candidates).toContainEqual(next);
      }),
      { numRuns: 400 },
    );
  });
});
