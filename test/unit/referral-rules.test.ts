import { describe, expect, it } from 'vitest';
import {
  checkAppointmentChange,
  checkDateOfBirth,
  checkNewAppointment,
  checkOffence,
  closeCase,
  isPending,
  isPrisonPathway,
  notBefore,
  notInFuture,
  PRISON_PATHWAYS,
  recordEngagement,
  recordRelease,
  requireOpen,
  returnedToCustody,
} from '../../shared/domain/referral-rules.ts';
import { PATHWAYS } from '../../shared/domain/values.ts';
import { ApiError, Conflict, ValidationFailed } from '../../shared/errors.ts';
import { APPOINTMENT_STATUSES, type Appointment, type Referral } from '../../shared/schemas/referral.ts';
import { referral, released } from './support/case-records.ts';

const NOW = new Date('2026-04-01T09:30:00.000Z');
const TODAY = '2026-04-01';
const TOMORROW = '2026-04-02';

const closed = (changes: Partial<Referral> = {}) =>
  referral({ status: 'closed', closedOn: '2026-03-20', closeReason: 'moved_away', ...changes });

let sequence = 0;
/** A first appointment booked for 11 March 10:00 UTC. */
function appointment(changes: Partial<Appointment> = {}): Appointment {
  sequence += 1;
  return {
    id: `appointment-${String(sequence).padStart(4, '0')}`,
    referralId: 'referral-0001',
    at: '2026-03-11T10:00:00.000Z',
    location: 'Hub, Worcester',
    kind: 'first',
    status: 'booked',
    version: 1,
    createdAt: '2026-03-05T10:00:00.000Z',
    updatedAt: '2026-03-05T10:00:00.000Z',
    ...changes,
  };
}

/** Runs `act` and answers the ApiError it throws (fails the test when it throws nothing). */
function thrown(act: () => unknown): ApiError {
  try {
    act();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

/** Expects `act` to refuse with a 409 of `code`. */
function expectConflict(act: () => unknown, code: string): void {
  const error = thrown(act);
  expect(error).toBeInstanceOf(Conflict);
  expect(error.status).toBe(409);
  expect(error.code).toBe(code);
}

/** Expects `act` to refuse with a 400 naming `field` (only); answers the field's message. */
function expectInvalid(act: () => unknown, field: string): string {
  const error = thrown(act);
  expect(error).toBeInstanceOf(ValidationFailed);
  expect(error.status).toBe(400);
  expect(Object.keys(error.fields ?? {})).toEqual([field]);
  return error.fields?.[field] ?? '';
}

const OTHER_PATHWAYS = PATHWAYS.filter((pathway) => !PRISON_PATHWAYS.includes(pathway));

describe('returnedToCustody', () => {
  const released = (changes: Partial<Referral> = {}) =>
    referral({ status: 'released', releasedOn: '2026-03-01', ...changes });

  it('ends a released case admitted within its window, counting the window’s last day', () => {
    expect(returnedToCustody(released(), '2026-03-01', 21)).toBe(true);
    expect(returnedToCustody(released(), '2026-03-22', 21)).toBe(true);
    expect(returnedToCustody(released(), '2026-03-23', 21)).toBe(false);
    expect(returnedToCustody(released(), '2026-02-28', 21)).toBe(false);
  });

  it('leaves a case awaiting release, engaged, closed or off the prison pathways', () => {
    expect(returnedToCustody(referral({ status: 'referred' }), '2026-03-02', 21)).toBe(false);
    expect(
      returnedToCustody(released({ status: 'engaged', engagedOn: '2026-03-02' }), '2026-03-03', 21),
    ).toBe(false);
    expect(returnedToCustody(released({ status: 'closed' }), '2026-03-02', 21)).toBe(false);
    expect(returnedToCustody(released({ pathway: 'divert' }), '2026-03-02', 21)).toBe(false);
  });
});

describe('isPrisonPathway', () => {
  it('is true for continuity of care and through the gate only', () => {
    expect(PATHWAYS.filter(isPrisonPathway)).toEqual(['continuity_of_care', 'through_the_gate']);
  });
});

describe('isPending', () => {
  it.each(APPOINTMENT_STATUSES)('%s', (status) => {
    expect(isPending({ status })).toBe(status === 'booked' || status === 'rescheduled');
  });
});

describe('notInFuture', () => {
  it('accepts today and earlier, by the date in England', () => {
    expect(() => notInFuture('releasedOn', TODAY, NOW)).not.toThrow();
    expect(() => notInFuture('releasedOn', '2020-01-01', NOW)).not.toThrow();
    // 22:59 UTC is 23:59 British Summer Time: still the 1st in England.
    expect(() => notInFuture('releasedOn', TOMORROW, new Date('2026-04-01T22:59:59.999Z'))).toThrow();
    // 23:30 UTC is 00:30 on the 2nd in England: the 2nd is today there.
    expect(() => notInFuture('releasedOn', TOMORROW, new Date('2026-04-01T23:30:00Z'))).not.toThrow();
  });

  it('refuses tomorrow, naming the field and echoing the date', () => {
    expect(expectInvalid(() => notInFuture('closedOn', TOMORROW, NOW), 'closedOn')).toBe(
      'must be today or earlier, got 2026-04-02',
    );
  });
});

describe('notBefore', () => {
  it('accepts the same day or later, and anything when there is no earliest date', () => {
    expect(() => notBefore('startedOn', '2026-03-10', '2026-03-10', 'release date')).not.toThrow();
    expect(() => notBefore('startedOn', '2026-03-11', '2026-03-10', 'release date')).not.toThrow();
    expect(() => notBefore('startedOn', '1999-01-01', undefined, 'release date')).not.toThrow();
  });

  it('refuses an earlier day, naming the field, what it must follow and both dates', () => {
    expect(
      expectInvalid(() => notBefore('startedOn', '2026-03-09', '2026-03-10', 'release date'), 'startedOn'),
    ).toBe('must be on or after the release date (2026-03-10), got 2026-03-09');
  });
});

describe('requireOpen', () => {
  it('lets open cases through and refuses a closed one with referral_closed', () => {
    for (const status of ['referred', 'released', 'engaged'] as const) {
      expect(() => requireOpen(referral({ status }))).not.toThrow();
    }
    expectConflict(() => requireOpen(closed()), 'referral_closed');
    expect(thrown(() => requireOpen(closed())).message).toContain('2026-03-20');
  });
});

describe('checkDateOfBirth', () => {
  it('accepts a date in the past', () => {
    expect(() => checkDateOfBirth('1990-05-17', NOW)).not.toThrow();
    expect(() => checkDateOfBirth('2026-03-31', NOW)).not.toThrow();
  });

  it.each([TODAY, TOMORROW, '2030-01-01'])('refuses %s (not in the past)', (date) => {
    expect(expectInvalid(() => checkDateOfBirth(date, NOW), 'dateOfBirth')).toBe(
      `must be a date in the past, got ${date}`,
    );
  });

  it('accepts a date 120 years ago and refuses one 121 years ago', () => {
    expect(() => checkDateOfBirth('1906-04-01', NOW)).not.toThrow();
    expect(expectInvalid(() => checkDateOfBirth('1905-04-01', NOW), 'dateOfBirth')).toBe(
      'must be within the last 120 years, got 1905-04-01',
    );
  });

  // Regression test for a fixed bug (shared/domain/referral-rules.ts:26): the 120-year limit compares calendar years only, so
  // with today 2026-04-01 every date of 1906 passes, including 1906-01-01 and 1906-03-31, which are
  // more than 120 years ago; the doc comment promises "no more than 120 years ago". Off by up to a
  // year; compare the whole date with the date 120 years back instead.
  it('refuses a date 120 years and one day ago', () => {
    expectInvalid(() => checkDateOfBirth('1906-03-31', NOW), 'dateOfBirth');
  });
});

describe('recordRelease', () => {
  it('answers the released status and date', () => {
    expect(recordRelease(referral(), '2026-03-10', NOW)).toEqual({
      status: 'released',
      releasedOn: '2026-03-10',
    });
  });

  it('accepts through the gate, a release today, and a release on the referral date', () => {
    expect(recordRelease(referral({ pathway: 'through_the_gate' }), TODAY, NOW).releasedOn).toBe(TODAY);
    expect(recordRelease(referral(), '2026-03-01', NOW).releasedOn).toBe('2026-03-01');
  });

  it('does not need an expected release date, and may differ from it', () => {
    expect(recordRelease(referral({ expectedReleaseOn: undefined }), '2026-03-05', NOW).releasedOn).toBe(
      '2026-03-05',
    );
  });

  it.each(OTHER_PATHWAYS)('refuses a %s referral with not_a_prison_pathway', (pathway) => {
    expectConflict(() => recordRelease(referral({ pathway }), '2026-03-10', NOW), 'not_a_prison_pathway');
  });

  it('refuses a second release with already_released, naming the first date', () => {
    expectConflict(() => recordRelease(released(), '2026-03-12', NOW), 'already_released');
    expect(thrown(() => recordRelease(released(), '2026-03-12', NOW)).message).toContain('2026-03-10');
  });

  it('refuses a closed case with referral_closed, before any other check', () => {
    expectConflict(() => recordRelease(closed(), '2026-03-10', NOW), 'referral_closed');
    expectConflict(() => recordRelease(closed({ pathway: 'divert' }), TOMORROW, NOW), 'referral_closed');
    expectConflict(
      () => recordRelease(closed({ releasedOn: '2026-03-10' }), '2026-03-10', NOW),
      'referral_closed',
    );
  });

  it('refuses a future date, naming releasedOn', () => {
    expect(expectInvalid(() => recordRelease(referral(), TOMORROW, NOW), 'releasedOn')).toMatch(
      /today or earlier/,
    );
  });

  it('refuses a date before the referral, naming releasedOn', () => {
    expect(expectInvalid(() => recordRelease(referral(), '2026-02-28', NOW), 'releasedOn')).toBe(
      'must be on or after the referral date (2026-03-01), got 2026-02-28',
    );
  });
});

describe('recordEngagement', () => {
  it('on the prison pathway answers engaged from the release date on', () => {
    expect(recordEngagement(released(), '2026-03-10', NOW)).toEqual({
      status: 'engaged',
      engagedOn: '2026-03-10',
    });
    expect(recordEngagement(released(), TODAY, NOW).engagedOn).toBe(TODAY);
  });

  it('on the prison pathway needs the release first, naming startedOn', () => {
    expect(expectInvalid(() => recordEngagement(referral(), '2026-03-10', NOW), 'startedOn')).toMatch(
      /record the release before the treatment start/,
    );
    expectInvalid(
      () => recordEngagement(referral({ pathway: 'through_the_gate' }), '2026-03-10', NOW),
      'startedOn',
    );
  });

  it('on the prison pathway refuses a start before the release', () => {
    expect(expectInvalid(() => recordEngagement(released(), '2026-03-09', NOW), 'startedOn')).toBe(
      'must be on or after the release date (2026-03-10), got 2026-03-09',
    );
  });

  it.each(OTHER_PATHWAYS)('on %s needs no release, only a start on or after the referral', (pathway) => {
    expect(recordEngagement(referral({ pathway }), '2026-03-01', NOW)).toEqual({
      status: 'engaged',
      engagedOn: '2026-03-01',
    });
    expect(
      expectInvalid(() => recordEngagement(referral({ pathway }), '2026-02-28', NOW), 'startedOn'),
    ).toMatch(/referral date \(2026-03-01\)/);
  });

  it('refuses a second start with already_engaged', () => {
    expectConflict(
      () => recordEngagement(released({ status: 'engaged', engagedOn: '2026-03-12' }), '2026-03-13', NOW),
      'already_engaged',
    );
  });

  it('refuses a future start, naming startedOn', () => {
    expectInvalid(() => recordEngagement(released(), TOMORROW, NOW), 'startedOn');
  });

  it('refuses a closed case', () => {
    expectConflict(
      () => recordEngagement(closed({ releasedOn: '2026-03-10' }), '2026-03-12', NOW),
      'referral_closed',
    );
  });
});

describe('closeCase', () => {
  it('answers closed and the date', () => {
    expect(closeCase(released(), '2026-03-20', NOW)).toEqual({ status: 'closed', closedOn: '2026-03-20' });
  });

  it('closes an engaged case, and closes on the release or referral date itself', () => {
    expect(closeCase(released({ status: 'engaged', engagedOn: '2026-03-12' }), TODAY, NOW).status).toBe(
      'closed',
    );
    expect(closeCase(released(), '2026-03-10', NOW).closedOn).toBe('2026-03-10');
    expect(closeCase(referral(), '2026-03-01', NOW).closedOn).toBe('2026-03-01');
  });

  it('refuses a date before the release once released', () => {
    expect(expectInvalid(() => closeCase(released(), '2026-03-09', NOW), 'closedOn')).toMatch(
      /release date \(2026-03-10\)/,
    );
  });

  it('refuses a date before the referral when not released', () => {
    expect(expectInvalid(() => closeCase(referral(), '2026-02-28', NOW), 'closedOn')).toMatch(
      /referral date \(2026-03-01\)/,
    );
  });

  it('refuses a future date and a closed case', () => {
    expectInvalid(() => closeCase(released(), TOMORROW, NOW), 'closedOn');
    expectConflict(() => closeCase(closed(), TODAY, NOW), 'referral_closed');
  });
});

describe('checkOffence', () => {
  it('accepts a date from the referral to today', () => {
    expect(() => checkOffence(referral({ pathway: 'divert' }), '2026-03-01', NOW)).not.toThrow();
    expect(() => checkOffence(referral({ pathway: 'divert' }), TODAY, NOW)).not.toThrow();
  });

  it('refuses a future date and one before the referral, naming offendedOn', () => {
    expectInvalid(() => checkOffence(referral(), TOMORROW, NOW), 'offendedOn');
    expect(expectInvalid(() => checkOffence(referral(), '2026-02-28', NOW), 'offendedOn')).toMatch(
      /referral date/,
    );
  });

  // Documented: reoffending is measured for six months, often after the case has closed.
  it('accepts an offence on a closed case', () => {
    expect(() => checkOffence(closed({ pathway: 'divert' }), TODAY, NOW)).not.toThrow();
  });
});

describe('checkNewAppointment', () => {
  const first = { at: '2026-03-11T10:00:00+00:00', kind: 'first' };
  const followUp = { at: '2026-03-18T10:00:00+00:00', kind: 'follow_up' };

  it('accepts a first appointment when there is none', () => {
    expect(() => checkNewAppointment(released(), [], first)).not.toThrow();
  });

  it.each(['booked', 'rescheduled', 'attended'] as const)(
    'refuses a second first appointment while one is %s',
    (status) => {
      expectConflict(
        () => checkNewAppointment(released(), [appointment({ status })], first),
        'first_appointment_exists',
      );
    },
  );

  it('says whether the existing first appointment is booked or attended', () => {
    expect(thrown(() => checkNewAppointment(released(), [appointment()], first)).message).toMatch(
      /already booked/,
    );
    expect(
      thrown(() => checkNewAppointment(released(), [appointment({ status: 'rescheduled' })], first)).message,
    ).toMatch(/already booked/);
    expect(
      thrown(() => checkNewAppointment(released(), [appointment({ status: 'attended' })], first)).message,
    ).toMatch(/already attended/);
  });

  it.each(['missed', 'cancelled'] as const)('allows a new first appointment after a %s one', (status) => {
    expect(() => checkNewAppointment(released(), [appointment({ status })], first)).not.toThrow();
  });

  it('allows a new first after several missed and cancelled ones', () => {
    const history = [
      appointment({ status: 'missed' }),
      appointment({ status: 'cancelled' }),
      appointment({ status: 'missed' }),
    ];
    expect(() => checkNewAppointment(released(), history, first)).not.toThrow();
  });

  it('lets follow-up appointments be booked beside a live first, and ignores live follow-ups', () => {
    expect(() => checkNewAppointment(released(), [appointment()], followUp)).not.toThrow();
    const liveFollowUp = appointment({ kind: 'follow_up', status: 'booked' });
    expect(() => checkNewAppointment(released(), [liveFollowUp], first)).not.toThrow();
  });

  it('refuses an appointment before the referral date, naming at', () => {
    expect(
      expectInvalid(
        () => checkNewAppointment(referral(), [], { at: '2026-02-28T23:59:59Z', kind: 'follow_up' }),
        'at',
      ),
    ).toBe('must be on or after the referral date (2026-03-01), got 2026-02-28T23:59:59Z');
    expect(() =>
      checkNewAppointment(referral(), [], { at: '2026-03-01T00:00:00Z', kind: 'first' }),
    ).not.toThrow();
  });

  it('compares the referral date with the UTC date of the time', () => {
    // 00:30 on 1 March at +01:00 is still 28 February in UTC.
    expectInvalid(
      () => checkNewAppointment(referral(), [], { at: '2026-03-01T00:30:00+01:00', kind: 'first' }),
      'at',
    );
  });

  it('refuses any appointment on a closed case', () => {
    expectConflict(() => checkNewAppointment(closed(), [], followUp), 'referral_closed');
  });
});

describe('checkAppointmentChange', () => {
  const past = appointment({ at: '2026-03-31T10:00:00.000Z' });
  const NEW_TIME = '2026-04-03T10:00:00+00:00';
  const FINAL = ['attended', 'missed', 'cancelled'] as const;
  const transitions = APPOINTMENT_STATUSES.flatMap((from) =>
    APPOINTMENT_STATUSES.map((to) => [from, to] as const),
  );
  const allowed = (from: string, to: string) =>
    (from === 'booked' || from === 'rescheduled') &&
    ['attended', 'missed', 'cancelled', 'rescheduled'].includes(to);

  it.each(transitions.filter(([from, to]) => allowed(from, to)))('allows %s → %s', (from, to) => {
    const change = to === 'rescheduled' ? { status: to, at: NEW_TIME } : { status: to };
    expect(() => checkAppointmentChange(released(), { ...past, status: from }, change, NOW)).not.toThrow();
  });

  it.each(transitions.filter(([from, to]) => !allowed(from, to)))(
    'refuses %s → %s with invalid_transition',
    (from, to) => {
      const change = to === 'rescheduled' ? { status: to, at: NEW_TIME } : { status: to };
      expectConflict(
        () => checkAppointmentChange(released(), { ...past, status: from }, change, NOW),
        'invalid_transition',
      );
    },
  );

  it.each(FINAL)('treats %s as final, naming both statuses', (from) => {
    const error = thrown(() =>
      checkAppointmentChange(
        released(),
        { ...past, status: from },
        { status: 'rescheduled', at: NEW_TIME },
        NOW,
      ),
    );
    expect(error.message).toBe(`An appointment that is ${from} cannot become rescheduled.`);
  });

  it('needs the new time when rescheduling, naming at', () => {
    expect(
      expectInvalid(() => checkAppointmentChange(released(), past, { status: 'rescheduled' }, NOW), 'at'),
    ).toBe('give the new time when rescheduling');
  });

  it.each(['attended', 'missed', 'cancelled'])('refuses a new time with %s, naming at', (status) => {
    expect(
      expectInvalid(() => checkAppointmentChange(released(), past, { status, at: NEW_TIME }, NOW), 'at'),
    ).toBe('a new time only goes with status rescheduled');
  });

  it.each(['attended', 'missed'])('refuses %s before the appointment time, naming status', (status) => {
    const later = appointment({ at: '2026-04-01T09:30:00.001Z' });
    expect(expectInvalid(() => checkAppointmentChange(released(), later, { status }, NOW), 'status')).toBe(
      `an appointment cannot be ${status} before its time (2026-04-01T09:30:00.001Z)`,
    );
  });

  it.each(['attended', 'missed'])('allows %s from the appointment time on', (status) => {
    const onTime = appointment({ at: NOW.toISOString() });
    expect(() => checkAppointmentChange(released(), onTime, { status }, NOW)).not.toThrow();
  });

  it('allows cancelling or rescheduling before the appointment time', () => {
    const future = appointment({ at: '2026-04-10T10:00:00.000Z' });
    expect(() => checkAppointmentChange(released(), future, { status: 'cancelled' }, NOW)).not.toThrow();
    expect(() =>
      checkAppointmentChange(released(), future, { status: 'rescheduled', at: NEW_TIME }, NOW),
    ).not.toThrow();
  });

  it('checks the transition before the time', () => {
    expectConflict(
      () => checkAppointmentChange(released(), { ...past, status: 'missed' }, { status: 'rescheduled' }, NOW),
      'invalid_transition',
    );
  });

  it('refuses any change on a closed case', () => {
    expectConflict(
      () => checkAppointmentChange(closed(), past, { status: 'cancelled' }, NOW),
      'referral_closed',
    );
  });

  // Regression test for a fixed bug (shared/domain/referral-rules.ts:146-148): checkNewAppointment refuses an appointment before
  // the referral date, but rescheduling checks nothing about the new time, so an appointment can be
  // moved to before its referral (here to 2026-02-20, referral 2026-03-01) and the rule is bypassed.
  // On the prison pathway a first appointment moved before the release also stops being the one the
  // alert rules watch. Apply the referral-date check to `change.at` as checkNewAppointment does.
  it('refuses rescheduling to before the referral date, naming at', () => {
    expectInvalid(
      () =>
        checkAppointmentChange(
          referral(),
          past,
          { status: 'rescheduled', at: '2026-02-20T10:00:00+00:00' },
          NOW,
        ),
      'at',
    );
  });
});
