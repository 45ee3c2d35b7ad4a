import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOf,
  daysBetween,
  isCalendarDate,
  monthOf,
  startOfDayPlus,
} from '../../shared/domain/dates.ts';

/** Any calendar date from 1900 to 2199, written `YYYY-MM-DD`. */
const calendarDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map(dateOf);

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-01-01', '2026-12-31', '2026-03-29', '1906-04-30'])(
    'accepts the real date %s',
    (value) => {
      expect(isCalendarDate(value)).toBe(true);
    },
  );

  it.each([
    ['2026-02-29', 'not a leap year'],
    ['1900-02-29', 'a century that is not a leap year'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-01-00', 'day 0'],
    ['2026-01-32', 'day 32'],
    ['2026-1-01', 'a one-digit month'],
    ['2026-01-1', 'a one-digit day'],
    ['26-01-01', 'a two-digit year'],
    ['2026/01/01', 'slashes'],
    ['01/02/2026', 'the UK order'],
    ['2026-01-01T00:00:00Z', 'a date-time'],
    [' 2026-01-01', 'a leading space'],
    ['2026-01-01\n', 'a trailing newline'],
    ['', 'nothing'],
    ['２０２６-01-01', 'full-width digits'],
  ])('refuses %j (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('accepts every date the day arithmetic produces', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -800, max: 800 }), (date, days) =>
        isCalendarDate(addDays(date, days)),
      ),
    );
  });
});

describe('dateOf', () => {
  it('answers the UTC calendar date of an instant', () => {
    expect(dateOf(new Date('2026-03-14T23:59:59.999Z'))).toBe('2026-03-14');
    // 00:30 in London during summer time is still the day before in UTC.
    expect(dateOf(new Date('2026-06-15T00:30:00+01:00'))).toBe('2026-06-14');
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-10', 21, '2026-03-31'],
    ['2026-03-20', 21, '2026-04-10'],
    ['2026-12-20', 14, '2027-01-03'],
    ['2026-05-05', 0, '2026-05-05'],
    ['2024-02-29', 365, '2025-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  // UK clocks change on 2026-03-29 (forward) and 2026-10-25 (back); days stay 24 h in UTC.
  it.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-10-26', -2, '2026-10-24'],
  ])('crosses the clock change: %s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('is undone by adding the opposite number of days', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
      }),
    );
  });

  it('adds in steps: (d + a) + b = d + (a + b)', () => {
    fc.assert(
      fc.property(
        calendarDate,
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: -400, max: 400 }),
        (date, a, b) => {
          expect(addDays(addDays(date, a), b)).toBe(addDays(date, a + b));
        },
      ),
    );
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-03-10', '2026-03-31', 21],
    ['2026-03-31', '2026-03-10', -21],
    ['2026-03-10', '2026-03-10', 0],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
  ])('from %s to %s is %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addDays', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it('changes sign when the dates swap', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, (a, b) => {
        expect(daysBetween(a, b)).toBe(-daysBetween(b, a) || 0);
        expect(addDays(a, daysBetween(a, b))).toBe(b);
      }),
    );
  });
});

describe('startOfDayPlus', () => {
  it('answers midnight UTC of the date by default', () => {
    expect(startOfDayPlus('2026-03-14').toISOString()).toBe('2026-03-14T00:00:00.000Z');
  });

  it('adds hours, running into the next day past 24', () => {
    expect(startOfDayPlus('2026-03-14', 9).toISOString()).toBe('2026-03-14T09:00:00.000Z');
    expect(startOfDayPlus('2026-03-14', 33).toISOString()).toBe('2026-03-15T09:00:00.000Z');
    expect(startOfDayPlus('2026-12-31', 24).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('counts hours in UTC across the clock change', () => {
    expect(startOfDayPlus('2026-03-29', 9).toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(startOfDayPlus('2026-10-25', 9).toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('accepts fractions and negative hours', () => {
    expect(startOfDayPlus('2026-03-14', 1.5).toISOString()).toBe('2026-03-14T01:30:00.000Z');
    expect(startOfDayPlus('2026-03-14', -1).toISOString()).toBe('2026-03-13T23:00:00.000Z');
  });
});

describe('monthOf', () => {
  it('answers YYYY-MM', () => {
    expect(monthOf('2026-03-14')).toBe('2026-03');
    expect(monthOf('2026-12-31')).toBe('2026-12');
  });
});
