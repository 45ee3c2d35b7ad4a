import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DueFilter } from '../../shared/domain/caseload.ts';
import { caseloadOrder, matchesDue } from './support/caseload-spec.ts';

const NOW = new Date('2026-04-01T09:30:00.000Z');

describe('matchesDue', () => {
  it.each(['overdue', 'today', 'week'] as const)('never matches a case with nothing due (%s)', (filter) => {
    expect(matchesDue(undefined, filter, NOW)).toBe(false);
  });

  it.each([
    ['2026-03-01T00:00:00.000Z', true],
    ['2026-04-01T09:29:59.999Z', true],
    ['2026-04-01T09:30:00.000Z', true],
    ['2026-04-01T09:30:00.001Z', false],
    ['2026-04-01T23:59:59.999Z', false],
  ])('overdue: %s → %s (due at or before now)', (dueAt, expected) => {
    expect(matchesDue(dueAt, 'overdue', NOW)).toBe(expected);
  });

  it.each([
    ['2026-03-01T00:00:00.000Z', true],
    ['2026-04-01T00:00:00.000Z', true],
    ['2026-04-01T09:30:00.001Z', true],
    ['2026-04-01T23:59:59.999Z', true],
    ['2026-04-02T00:00:00.000Z', false],
  ])('today: %s → %s (by the end of the UTC day, overdue included)', (dueAt, expected) => {
    expect(matchesDue(dueAt, 'today', NOW)).toBe(expected);
  });

  it.each([
    ['2026-03-01T00:00:00.000Z', true],
    ['2026-04-01T09:30:00.000Z', true],
    ['2026-04-05T12:00:00.000Z', true],
    ['2026-04-08T00:00:00.000Z', true],
    ['2026-04-08T23:59:59.999Z', true],
    ['2026-04-09T00:00:00.000Z', false],
  ])('week: %s → %s (by the end of the 7th day after today, overdue included)', (dueAt, expected) => {
    expect(matchesDue(dueAt, 'week', NOW)).toBe(expected);
  });

  it('counts a week across the month end and the clock change in UTC', () => {
    const now = new Date('2026-03-27T22:00:00.000Z');
    expect(matchesDue('2026-04-03T23:59:59.999Z', 'week', now)).toBe(true);
    expect(matchesDue('2026-04-04T00:00:00.000Z', 'week', now)).toBe(false);
  });

  it('nests: overdue ⊆ today ⊆ week', () => {
    const instant = fc
      .integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 })
      .map((offset) => new Date(NOW.getTime() + offset).toISOString());
    fc.assert(
      fc.property(instant, (dueAt) => {
        const match = (filter: DueFilter) => matchesDue(dueAt, filter, NOW);
        if (match('overdue')) expect(match('today')).toBe(true);
        if (match('today')) expect(match('week')).toBe(true);
      }),
    );
  });
});

interface Row {
  id: string;
  referredOn: string;
  expectedReleaseOn?: string;
  releasedOn?: string;
  nextDueAt?: string;
}

const ids = (rows: readonly Row[]) => rows.map((row) => row.id);
const sorted = (rows: readonly Row[]) => [...rows].sort(caseloadOrder(NOW));

describe('caseloadOrder', () => {
  const overdueLong = {
    id: 'c-overdue-long',
    referredOn: '2026-01-01',
    nextDueAt: '2026-03-20T09:00:00.000Z',
  };
  const overdueShort = {
    id: 'c-overdue-short',
    referredOn: '2026-03-25',
    nextDueAt: '2026-04-01T09:00:00.000Z',
  };
  const dueNow = { id: 'c-due-now', referredOn: '2026-02-01', nextDueAt: NOW.toISOString() };
  const dueSoon = { id: 'c-due-soon', referredOn: '2026-03-01', nextDueAt: '2026-04-01T09:30:00.001Z' };
  const dueLater = { id: 'c-due-later', referredOn: '2026-01-01', nextDueAt: '2026-04-20T09:00:00.000Z' };
  const releasedRecently = { id: 'c-released-recent', referredOn: '2026-01-01', releasedOn: '2026-03-28' };
  const expectedLater = { id: 'c-expected', referredOn: '2026-01-01', expectedReleaseOn: '2026-03-30' };
  const referredOnly = { id: 'c-referred', referredOn: '2026-03-29' };
  const releasedLongAgo = {
    id: 'c-released-old',
    referredOn: '2026-03-31',
    expectedReleaseOn: '2026-04-15',
    releasedOn: '2025-12-01',
  };

  it('puts overdue first (longest overdue first), then by next due, then undated by most recent key date', () => {
    const all = [
      releasedLongAgo,
      dueLater,
      referredOnly,
      overdueShort,
      expectedLater,
      dueSoon,
      overdueLong,
      dueNow,
      releasedRecently,
    ];
    expect(ids(sorted(all))).toEqual([
      'c-overdue-long',
      'c-overdue-short',
      'c-due-now',
      'c-due-soon',
      'c-due-later',
      'c-expected',
      'c-referred',
      'c-released-recent',
      'c-released-old',
    ]);
  });

  it('treats a check due exactly now as overdue', () => {
    expect(ids(sorted([dueSoon, dueNow]))).toEqual(['c-due-now', 'c-due-soon']);
  });

  it('puts an overdue case before an undated one however recent, and a due one before undated', () => {
    expect(ids(sorted([releasedRecently, dueLater]))).toEqual(['c-due-later', 'c-released-recent']);
    expect(ids(sorted([{ ...releasedRecently, releasedOn: '2026-04-01' }, overdueLong]))).toEqual([
      'c-overdue-long',
      'c-released-recent',
    ]);
  });

  it('takes the release date before the expected release date before the referral date as the key date', () => {
    // The key dates are 2025-12-01 (released), 2026-03-30 (expected), 2026-03-29 (referred).
    expect(ids(sorted([releasedLongAgo, expectedLater, referredOnly]))).toEqual([
      'c-expected',
      'c-referred',
      'c-released-old',
    ]);
  });

  it('breaks ties by id', () => {
    const a = { id: 'case-a', referredOn: '2026-03-01', nextDueAt: '2026-04-05T09:00:00.000Z' };
    const b = { ...a, id: 'case-b' };
    const c = { id: 'case-c', referredOn: '2026-03-01' };
    const d = { ...c, id: 'case-d' };
    expect(ids(sorted([d, b, c, a]))).toEqual(['case-a', 'case-b', 'case-c', 'case-d']);
  });

  const day = fc
    .integer({ min: 0, max: 60 })
    .map((offset) => new Date(Date.UTC(2026, 2, 1 + offset)).toISOString().slice(0, 10));
  const row: fc.Arbitrary<Row> = fc.record(
    {
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,4}$/),
      referredOn: day,
      expectedReleaseOn: day,
      releasedOn: day,
      nextDueAt: fc
        .integer({ min: -10 * 24, max: 10 * 24 })
        .map((hours) => new Date(NOW.getTime() + hours * 1_800_000).toISOString()),
    },
    { requiredKeys: ['id', 'referredOn'] },
  );
  const sign = (n: number) => Math.sign(n) || 0;

  it('is a total order: reflexive, antisymmetric and transitive', () => {
    const compare = caseloadOrder(NOW);
    fc.assert(
      fc.property(row, row, row, (a, b, c) => {
        expect(compare(a, a)).toBe(0);
        expect(sign(compare(a, b))).toBe(-sign(compare(b, a)) || 0);
        if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
        if (a.id !== b.id) expect(compare(a, b)).not.toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts every shuffle of a caseload the same way, overdue cases before the rest', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(row, { selector: (r) => r.id, maxLength: 25 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          const once = sorted(rows);
          expect(sorted(shuffled)).toEqual(once);
          const overdue = once.map((r) => matchesDue(r.nextDueAt, 'overdue', NOW));
          expect(overdue).toEqual([...overdue].sort((x, y) => Number(y) - Number(x)));
          for (let i = 1; i < once.length; i++) {
            expect(caseloadOrder(NOW)(once[i - 1] as Row, once[i] as Row)).toBeLessThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
