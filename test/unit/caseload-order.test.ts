import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseloadOrderKey, type DueFilter, dueUpToKey, dueWindowEnd } from '../../shared/domain/caseload.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { caseloadOrder, matchesDue } from './support/caseload-spec.ts';

/**
 * The caseload index's sort key: one ascending query over `${orderKey}#${id}` must give the
 * caseload order that `caseloadOrder(now)` defines. The clock is fixed.
 */
const NOW = new Date('2026-04-01T09:30:00.000Z');

interface Row {
  id: string;
  referredOn: string;
  expectedReleaseOn?: string;
  releasedOn?: string;
  nextDueAt?: string;
}

/** The key date of an open case, as the repository derives it for the index. */
const keyDateOf = (row: Row) => row.releasedOn ?? row.expectedReleaseOn ?? row.referredOn;
/** The real index sort key (shared/data/keys.ts `caseload`): the order key, `#`, the referral id. */
const indexKey = (row: Row) => `${caseloadOrderKey(row.nextDueAt, keyDateOf(row))}#${row.id}`;

/** Ascending as DynamoDB compares string keys: by their UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
/** Ascending as JavaScript compares strings: by UTF-16 code units. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ids = (rows: readonly Row[]) => rows.map((row) => row.id);
const byIndexKey = (rows: readonly Row[], compare = byBytes) =>
  [...rows].sort((a, b) => compare(indexKey(a), indexKey(b)));

describe('caseloadOrderKey', () => {
  it('puts a case with a next action under A, by its due time as written', () => {
    expect(caseloadOrderKey('2026-03-20T09:00:00.000Z', '2026-03-10')).toBe('A2026-03-20T09:00:00.000Z');
  });

  it('puts a case with none under B, its key date with each digit taken from 9', () => {
    expect(caseloadOrderKey(undefined, '2026-03-10')).toBe('B7973-96-89');
    expect(caseloadOrderKey(undefined, '0000-00-00')).toBe('B9999-99-99');
    expect(caseloadOrderKey(undefined, '9999-12-31')).toBe('B0000-87-68');
  });

  it('takes an empty next action as none', () => {
    expect(caseloadOrderKey('', '2026-03-10')).toBe('B7973-96-89');
  });

  it('sorts every case with a next action before every case without one', () => {
    // Prepare
    const withNext = caseloadOrderKey('9999-12-31T23:59:59.999Z', '2026-01-01');
    const without = caseloadOrderKey(undefined, '0000-01-01');

    // Act, assess
    expect(byBytes(withNext, without)).toBeLessThan(0);
  });

  it('sorts key dates most recent first (property)', () => {
    const date = fc.integer({ min: 0, max: 200 * 366 }).map((offset) => addDays('1950-01-01', offset));
    fc.assert(
      fc.property(date, date, (a, b) => {
        // Act
        const order = Math.sign(byBytes(caseloadOrderKey(undefined, a), caseloadOrderKey(undefined, b)));

        // Assess
        expect(order).toBe(Math.sign(byCodeUnits(b, a)));
      }),
    );
  });

  it('sorts due times earliest first (property)', () => {
    const instant = fc
      .integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2099-12-31T23:59:59Z') })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, instant, fc.constantFrom('2026-01-01', '2026-12-31'), (a, b, keyDate) => {
        // Act
        const order = Math.sign(byBytes(caseloadOrderKey(a, keyDate), caseloadOrderKey(b, keyDate)));

        // Assess
        expect(order).toBe(Math.sign(Date.parse(a) - Date.parse(b)));
      }),
    );
  });
});

describe('the caseload index order', () => {
  it('lists overdue cases longest overdue first, then due ones soonest first, then the rest by most recent date', () => {
    // Prepare
    const rows: Row[] = [
      { id: 'c6', referredOn: '2026-01-05' },
      { id: 'c3', referredOn: '2026-01-01', nextDueAt: '2026-04-02T09:00:00.000Z' },
      { id: 'c5', referredOn: '2026-01-01', releasedOn: '2026-03-30' },
      { id: 'c1', referredOn: '2026-01-01', nextDueAt: '2026-03-20T09:00:00.000Z' },
      { id: 'c4', referredOn: '2026-01-01', expectedReleaseOn: '2026-04-20' },
      { id: 'c2', referredOn: '2026-01-01', nextDueAt: '2026-04-01T09:30:00.000Z' },
    ];

    // Act
    const sorted = byIndexKey(rows);

    // Assess
    expect(ids(sorted)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(ids([...rows].sort(caseloadOrder(NOW)))).toEqual(ids(sorted));
  });

  it('breaks ties on due time or key date (release, expected release or referral) by referral id, as the comparator does', () => {
    // Prepare
    const due = '2026-03-20T09:00:00.000Z';
    const rows: Row[] = [
      { id: '01jq2b', referredOn: '2026-01-01', nextDueAt: due },
      { id: '01jq2a', referredOn: '2026-01-01', nextDueAt: due },
      { id: '01jq2', referredOn: '2026-01-01', nextDueAt: due },
      { id: '01jq2c', referredOn: '2026-02-01', releasedOn: '2026-03-01' },
      { id: '01jq2d', referredOn: '2026-03-01' },
      { id: '01jq2e', referredOn: '2026-01-01', expectedReleaseOn: '2026-03-01' },
    ];

    // Act
    const sorted = byIndexKey(rows);

    // Assess
    expect(ids(sorted)).toEqual(['01jq2', '01jq2a', '01jq2b', '01jq2c', '01jq2d', '01jq2e']);
    expect(ids([...rows].sort(caseloadOrder(NOW)))).toEqual(ids(sorted));
  });

  /** Referral ids as newId makes them (Crockford base32, lower case), of varied length so prefixes occur. */
  const id = fc
    .array(fc.constantFrom(...'0123456789abcdefghjkmnpqrstvwxyz'), { minLength: 1, maxLength: 6 })
    .map((chars) => chars.join(''));
  const day = fc.integer({ min: 0, max: 730 }).map((offset) => addDays('2025-06-01', offset));
  const dueAt = fc
    .integer({ min: 0, max: 730 * 24 * 4 })
    .map((quarters) => new Date(Date.parse('2025-06-01T00:00:00Z') + quarters * 900_000).toISOString());
  // Few distinct values, so that ties on due time or key date are common.
  const row = fc.record(
    {
      referredOn: fc.oneof(day, fc.constantFrom('2026-01-01', '2026-02-01')),
      expectedReleaseOn: fc.option(fc.oneof(day, fc.constant('2026-03-10')), { nil: undefined }),
      releasedOn: fc.option(fc.oneof(day, fc.constant('2026-03-10')), { nil: undefined }),
      nextDueAt: fc.option(fc.oneof(dueAt, fc.constantFrom('2026-03-11T09:00:00.000Z', NOW.toISOString())), {
        nil: undefined,
      }),
    },
    { requiredKeys: ['referredOn'] },
  );
  const rows = fc
    .uniqueArray(fc.tuple(id, row), { selector: ([rowId]) => rowId, maxLength: 25 })
    .map((pairs) => pairs.map(([rowId, fields]): Row => ({ id: rowId, ...fields })));
  const now = fc
    .integer({ min: 0, max: 730 * 24 })
    .map((hours) => new Date(Date.parse('2025-06-01T00:00:00Z') + hours * 3_600_000));

  it('sorting by the index key (bytes, as DynamoDB) is caseloadOrder(now), whatever now (property)', () => {
    fc.assert(
      fc.property(rows, now, (cases, at) => {
        // Act
        const byKey = byIndexKey(cases, byBytes);
        const byComparator = [...cases].sort(caseloadOrder(at));

        // Assess
        expect(ids(byKey)).toEqual(ids(byComparator));
      }),
      { numRuns: 500 },
    );
  });

  it('sorting by the index key as JavaScript strings gives the same order (property)', () => {
    fc.assert(
      fc.property(rows, (cases) => {
        expect(ids(byIndexKey(cases, byCodeUnits))).toEqual(ids(byIndexKey(cases, byBytes)));
      }),
    );
  });

  it('gives each case its own index key (property)', () => {
    fc.assert(
      fc.property(rows, (cases) => {
        expect(new Set(cases.map(indexKey)).size).toBe(cases.length);
      }),
    );
  });
});

describe('dueWindowEnd', () => {
  it('is now for overdue', () => {
    expect(dueWindowEnd('overdue', NOW)).toBe('2026-04-01T09:30:00.000Z');
  });

  it("is the end of today's UTC day for today", () => {
    expect(dueWindowEnd('today', NOW)).toBe('2026-04-01T23:59:59.999Z');
    expect(dueWindowEnd('today', new Date('2026-04-01T00:00:00.000Z'))).toBe('2026-04-01T23:59:59.999Z');
    expect(dueWindowEnd('today', new Date('2026-04-01T23:59:59.999Z'))).toBe('2026-04-01T23:59:59.999Z');
  });

  it('is the end of the seventh day after today for week, across month and year ends', () => {
    expect(dueWindowEnd('week', NOW)).toBe('2026-04-08T23:59:59.999Z');
    expect(dueWindowEnd('week', new Date('2026-03-27T22:00:00.000Z'))).toBe('2026-04-03T23:59:59.999Z');
    expect(dueWindowEnd('week', new Date('2026-12-28T12:00:00.000Z'))).toBe('2027-01-04T23:59:59.999Z');
    expect(dueWindowEnd('week', new Date('2028-02-25T12:00:00.000Z'))).toBe('2028-03-03T23:59:59.999Z');
  });

  it('nests: overdue ≤ today ≤ week', () => {
    expect(dueWindowEnd('overdue', NOW) <= dueWindowEnd('today', NOW)).toBe(true);
    expect(dueWindowEnd('today', NOW) <= dueWindowEnd('week', NOW)).toBe(true);
  });

  it('agrees with matchesDue for every due time and clock (property)', () => {
    const instant = fc
      .integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 })
      .map((offset) => new Date(NOW.getTime() + offset));
    fc.assert(
      fc.property(
        instant,
        instant,
        fc.constantFrom<DueFilter>('overdue', 'today', 'week'),
        (due, at, filter) => {
          // Prepare
          const dueAt = due.toISOString();

          // Act, assess
          expect(dueAt <= dueWindowEnd(filter, at)).toBe(matchesDue(dueAt, filter, at));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('dueUpToKey', () => {
  it('is the A key of the instant followed by the highest character', () => {
    expect(dueUpToKey('2026-04-01T09:30:00.000Z')).toBe('A2026-04-01T09:30:00.000Z\uffff');
  });

  it('takes in a case due at the instant itself and leaves out one due a millisecond later', () => {
    // Prepare
    const until = dueUpToKey('2026-04-01T09:30:00.000Z');
    const at = `${caseloadOrderKey('2026-04-01T09:30:00.000Z', '2026-03-10')}#zzzzzzzzzzzzzzzzzzzzzzzzzz`;
    const later = `${caseloadOrderKey('2026-04-01T09:30:00.001Z', '2026-03-10')}#0`;

    // Act, assess
    expect(byBytes(at, until)).toBeLessThanOrEqual(0);
    expect(byBytes(later, until)).toBeGreaterThan(0);
  });

  it('leaves out every case with no next action', () => {
    // Prepare
    const until = dueUpToKey('9999-12-31T23:59:59.999Z');

    // Act, assess
    expect(byBytes(`${caseloadOrderKey(undefined, '0000-00-00')}#0`, until)).toBeGreaterThan(0);
  });

  it("BETWEEN 'A' AND dueUpToKey(dueWindowEnd(filter, now)) is exactly matchesDue (property)", () => {
    const instant = fc
      .integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 })
      .map((offset) => new Date(NOW.getTime() + offset));
    const referralId = fc
      .array(fc.constantFrom(...'0123456789abcdefghjkmnpqrstvwxyz'), { minLength: 1, maxLength: 26 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.option(instant, { nil: undefined }),
        instant,
        fc.constantFrom<DueFilter>('overdue', 'today', 'week'),
        referralId,
        (due, at, filter, rowId) => {
          // Prepare
          const nextDueAt = due?.toISOString();
          const key = `${caseloadOrderKey(nextDueAt, '2026-03-10')}#${rowId}`;

          // Act
          const inRange = byBytes('A', key) <= 0 && byBytes(key, dueUpToKey(dueWindowEnd(filter, at))) <= 0;

          // Assess
          expect(inRange).toBe(matchesDue(nextDueAt, filter, at));
        },
      ),
      { numRuns: 500 },
    );
  });
});
