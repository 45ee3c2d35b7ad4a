import { describe, expect, it } from 'vitest';
import { caseChecks } from '../../shared/domain/alert-rules.ts';
import { londonDayStart } from '../../shared/domain/dates.ts';
import { orderEndsOn, pathwayDetailProblems } from '../../shared/domain/pathway-details.ts';
import {
  closeReasonAllowed,
  FIELDS_OF_PATHWAY,
  PATHWAY_FIELDS,
  type PathwayField,
  pathwayFieldProblems,
} from '../../shared/domain/pathways.ts';
import { PATHWAYS } from '../../shared/domain/values.ts';
import { PartnershipSettings } from '../../shared/schemas/partnership.ts';
import { CLOSE_REASONS } from '../../shared/schemas/referral.ts';
import { referral } from './support/case-records.ts';

/**
 * The pathways' own rules (API.md "Criminal-justice pathways"): which fields each pathway has
 * and needs, the dates of a drug test and a court order, the close reasons per pathway, and the
 * court review notice's timing. Pure functions, on fixed dates.
 */

const DEFAULTS = PartnershipSettings.parse({});
/** A fixed "now" well after every date below. */
const NOW = new Date('2026-06-01T12:00:00Z');

/** A value for each pathway field, as a create would send it. */
const VALUES: Record<PathwayField, unknown> = {
  test: { testedOn: '2026-05-01', result: 'opiates' },
  communityResolutionOn: '2026-05-01',
  custodySuiteId: 'suite-0001',
  order: { madeOn: '2026-05-01', months: 12, court: 'Worcester Crown Court', reviewDates: [] },
};
const all = Object.fromEntries(PATHWAY_FIELDS.map((field) => [field, VALUES[field]]));
const only = (fields: readonly PathwayField[]) =>
  Object.fromEntries(fields.map((field) => [field, VALUES[field]]));
/** The problems that are there (the domain answers `undefined` for a field without one). */
const present = (problems: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem !== undefined));

describe('pathwayFieldProblems', () => {
  const cases: [string, PathwayField[], PathwayField[]][] = [
    ['drug_testing_on_arrest', ['test', 'custodySuiteId'], ['test']],
    ['divert', ['communityResolutionOn', 'custodySuiteId'], ['communityResolutionOn']],
    ['arrest_referral', ['custodySuiteId'], ['custodySuiteId']],
    ['drr', ['order'], ['order']],
    ['atr', ['order'], ['order']],
    ['continuity_of_care', [], []],
    ['through_the_gate', [], []],
    ['other', [], []],
  ];

  it('the table covers every pathway', () => {
    expect(cases.map(([pathway]) => pathway).sort()).toEqual([...PATHWAYS].sort());
  });

  it.each(cases)('%s: allows %j and requires %j', (pathway, allowed, required) => {
    // Prepare
    const foreign = PATHWAY_FIELDS.filter((field) => !allowed.includes(field));
    // Act
    const nothing = pathwayFieldProblems(pathway, {}, { requireAll: true });
    const nothingOnPatch = pathwayFieldProblems(pathway, {}, { requireAll: false });
    const allowedOnly = pathwayFieldProblems(pathway, only(allowed), { requireAll: true });
    const everything = pathwayFieldProblems(pathway, all, { requireAll: true });
    // Assess
    expect(Object.keys(nothing).sort()).toEqual([...required].sort());
    for (const field of required) expect(nothing[field]).toMatch(/is required/);
    expect(nothingOnPatch).toEqual({});
    expect(allowedOnly).toEqual({});
    expect(Object.keys(everything).sort()).toEqual([...foreign].sort());
    for (const field of foreign) expect(everything[field]).toMatch(/leave it out/);
    expect(FIELDS_OF_PATHWAY[pathway as keyof typeof FIELDS_OF_PATHWAY]?.allowed ?? []).toEqual(allowed);
  });

  it('names the pathways a foreign field belongs to', () => {
    // Act
    const problems = pathwayFieldProblems(
      'divert',
      { order: VALUES.order, test: VALUES.test },
      { requireAll: false },
    );
    // Assess
    expect(problems.order).toMatch(/drr or atr/);
    expect(problems.test).toMatch(/drug_testing_on_arrest/);
    expect(problems.communityResolutionOn).toBeUndefined();
  });

  it('an optional field may be left out: the custody suite on drug testing on arrest and DIVERT', () => {
    expect(pathwayFieldProblems('drug_testing_on_arrest', only(['test']), { requireAll: true })).toEqual({});
    expect(pathwayFieldProblems('divert', only(['communityResolutionOn']), { requireAll: true })).toEqual({});
  });
});

describe('pathwayDetailProblems', () => {
  const order = (changes: Record<string, unknown> = {}) => ({
    madeOn: '2026-01-10',
    months: 12,
    court: 'Worcester Crown Court',
    reviewDates: [] as string[],
    ...changes,
  });

  it('accepts a DRR order whose reviews fall within it', () => {
    // Act
    const problems = pathwayDetailProblems(
      'drr',
      { referredOn: '2026-01-12', order: order({ reviewDates: ['2026-01-10', '2026-04-10', '2027-01-09'] }) },
      NOW,
      { requireAll: true },
    );
    // Assess
    expect(present(problems)).toEqual({});
  });

  it('refuses a review date before the order was made, naming its index', () => {
    // Act
    const problems = present(
      pathwayDetailProblems(
        'drr',
        { referredOn: '2026-01-12', order: order({ reviewDates: ['2026-03-01', '2026-01-09'] }) },
        NOW,
        { requireAll: true },
      ),
    );
    // Assess
    expect(Object.keys(problems)).toEqual(['order.reviewDates.1']);
    expect(problems['order.reviewDates.1']).toMatch(/on or after the order date \(2026-01-10\)/);
  });

  it('refuses a review date after the order ends (orderEndsOn)', () => {
    // Prepare: a 12-month order made on 10 January 2026 ends on 9 January 2027.
    const endsOn = orderEndsOn('2026-01-10', 12);
    // Act
    const problems = present(
      pathwayDetailProblems('atr', { order: order({ reviewDates: [endsOn, '2027-01-10'] }) }, NOW, {
        requireAll: true,
      }),
    );
    // Assess
    expect(endsOn).toBe('2027-01-09');
    expect(Object.keys(problems)).toEqual(['order.reviewDates.1']);
    expect(problems['order.reviewDates.1']).toMatch(/ends on 2027-01-09/);
  });

  it('refuses an order made in the future', () => {
    // Act
    const problems = present(
      pathwayDetailProblems('drr', { order: order({ madeOn: '2026-06-02' }) }, NOW, { requireAll: true }),
    );
    // Assess
    expect(Object.keys(problems)).toEqual(['order.madeOn']);
  });

  it('refuses a drug test after the referral date, and one in the future', () => {
    // Act
    const after = present(
      pathwayDetailProblems(
        'drug_testing_on_arrest',
        { referredOn: '2026-05-01', test: { testedOn: '2026-05-02', result: 'cocaine' } },
        NOW,
        { requireAll: true },
      ),
    );
    const sameDay = present(
      pathwayDetailProblems(
        'drug_testing_on_arrest',
        { referredOn: '2026-05-01', test: { testedOn: '2026-05-01', result: 'cocaine' } },
        NOW,
        { requireAll: true },
      ),
    );
    const future = present(
      pathwayDetailProblems(
        'drug_testing_on_arrest',
        { test: { testedOn: '2026-06-02', result: 'both' } },
        NOW,
        {
          requireAll: false,
        },
      ),
    );
    // Assess
    expect(Object.keys(after)).toEqual(['test.testedOn']);
    expect(after['test.testedOn']).toMatch(/on or before the referral date \(2026-05-01\)/);
    expect(sameDay).toEqual({});
    expect(Object.keys(future)).toEqual(['test.testedOn']);
  });

  it('refuses a community resolution in the future', () => {
    const problems = present(
      pathwayDetailProblems('divert', { communityResolutionOn: '2026-06-02' }, NOW, { requireAll: true }),
    );
    expect(Object.keys(problems)).toEqual(['communityResolutionOn']);
  });

  it('names every problem at once: a missing required field and a foreign one with a bad date', () => {
    const problems = present(
      pathwayDetailProblems(
        'drug_testing_on_arrest',
        { order: order({ reviewDates: ['2025-01-01'] }) },
        NOW,
        { requireAll: true },
      ),
    );
    expect(Object.keys(problems).sort()).toEqual(['order', 'order.reviewDates.0', 'test']);
  });
});

describe('orderEndsOn', () => {
  it.each([
    ['2026-01-10', 12, '2027-01-09'],
    ['2026-01-01', 1, '2026-01-31'],
    ['2026-03-15', 6, '2026-09-14'],
    ['2026-02-01', 1, '2026-02-28'],
    ['2028-02-01', 1, '2028-02-29'],
    // No 31 February: the same date a month on is the month's last day, and the order ends the day before.
    ['2026-01-31', 1, '2026-02-27'],
    ['2028-01-31', 1, '2028-02-28'],
    ['2026-01-28', 1, '2026-02-27'],
    ['2026-03-31', 1, '2026-04-29'],
    ['2026-11-30', 3, '2027-02-27'],
    ['2026-12-15', 1, '2027-01-14'],
    ['2028-02-29', 12, '2029-02-27'],
    ['2026-05-05', 36, '2029-05-04'],
  ])('an order made on %s for %i months ends on %s', (madeOn, months, endsOn) => {
    expect(orderEndsOn(madeOn, months)).toBe(endsOn);
  });

  it('never ends before it starts, and a longer order never ends sooner', () => {
    for (let day = 0; day < 366; day += 1) {
      const madeOn = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
      let previous = madeOn;
      for (const months of [1, 2, 6, 12, 36]) {
        const endsOn = orderEndsOn(madeOn, months);
        expect(endsOn >= previous, `${madeOn} + ${months}`).toBe(true);
        previous = endsOn;
      }
    }
  });
});

describe('londonDayStart', () => {
  it.each([
    ['2026-01-15', 9, '2026-01-15T09:00:00.000Z'],
    ['2026-07-15', 9, '2026-07-15T08:00:00.000Z'],
    ['2026-01-15', 0, '2026-01-15T00:00:00.000Z'],
    ['2026-07-15', 0, '2026-07-14T23:00:00.000Z'],
    // The clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October.
    ['2026-03-29', 0, '2026-03-29T00:00:00.000Z'],
    ['2026-03-29', 9, '2026-03-29T08:00:00.000Z'],
    ['2026-10-25', 0, '2026-10-24T23:00:00.000Z'],
    ['2026-10-25', 9, '2026-10-25T09:00:00.000Z'],
  ])('%s at %i:00 in England is %s', (date, hour, instant) => {
    expect(londonDayStart(date, hour)).toBe(instant);
  });
});

describe('closeReasonAllowed', () => {
  it('failed_to_attend closes drug testing on arrest only', () => {
    expect(closeReasonAllowed('drug_testing_on_arrest', 'failed_to_attend')).toBe(true);
    for (const pathway of PATHWAYS.filter((one) => one !== 'drug_testing_on_arrest')) {
      expect(closeReasonAllowed(pathway, 'failed_to_attend'), pathway).toBe(false);
    }
  });

  it('completed_programme and failed_to_engage close DIVERT only', () => {
    for (const reason of ['completed_programme', 'failed_to_engage']) {
      expect(closeReasonAllowed('divert', reason)).toBe(true);
      for (const pathway of PATHWAYS.filter((one) => one !== 'divert')) {
        expect(closeReasonAllowed(pathway, reason), `${pathway} ${reason}`).toBe(false);
      }
    }
  });

  it('every other reason closes every pathway', () => {
    const shared = CLOSE_REASONS.filter(
      (reason) => !['failed_to_attend', 'completed_programme', 'failed_to_engage'].includes(reason),
    );
    for (const reason of shared) {
      for (const pathway of PATHWAYS)
        expect(closeReasonAllowed(pathway, reason), `${pathway} ${reason}`).toBe(true);
    }
  });
});

describe('court_review_due timing (caseChecks)', () => {
  const drr = (reviewDates: string[], changes: Parameters<typeof referral>[0] = {}) =>
    referral({
      pathway: 'drr',
      expectedReleaseOn: undefined,
      referredOn: '2026-03-01',
      order: { madeOn: '2026-03-01', months: 12, court: 'Worcester Crown Court', reviewDates },
      ...changes,
    });
  const reviews = (checks: ReturnType<typeof caseChecks>) =>
    checks.filter((check) => check.rule === 'court_review_due');

  it('is due at 09:00 in England seven days before each review date, until the review day ends', () => {
    // Act: one review in summer time, one in winter.
    const checks = reviews(caseChecks(drr(['2026-04-20', '2026-12-10']), [], DEFAULTS));
    // Assess
    expect(DEFAULTS.alertRules.courtReviewNoticeDays).toBe(7);
    expect(checks).toEqual([
      {
        rule: 'court_review_due',
        slot: 'court_review_due.2026-04-20',
        dueAt: '2026-04-13T08:00:00.000Z',
        until: '2026-04-20T23:00:00.000Z',
      },
      {
        rule: 'court_review_due',
        slot: 'court_review_due.2026-12-10',
        dueAt: '2026-12-03T09:00:00.000Z',
        until: '2026-12-11T00:00:00.000Z',
      },
    ]);
  });

  it('follows the partnership’s courtReviewNoticeDays', () => {
    const settings = PartnershipSettings.parse({ alertRules: { courtReviewNoticeDays: 3 } });
    const [check] = reviews(caseChecks(drr(['2026-12-10']), [], settings));
    expect(check?.dueAt).toBe('2026-12-07T09:00:00.000Z');
  });

  it('drops a review whose day is over when given now, and keeps it up to the last instant', () => {
    // Prepare
    const referralWithTwo = drr(['2026-04-20', '2026-12-10']);
    // Act
    const lastInstant = reviews(
      caseChecks(referralWithTwo, [], DEFAULTS, [], new Date('2026-04-20T22:59:59.999Z')),
    );
    const dayOver = reviews(
      caseChecks(referralWithTwo, [], DEFAULTS, [], new Date('2026-04-20T23:00:00.000Z')),
    );
    const noNow = reviews(caseChecks(referralWithTwo, [], DEFAULTS, []));
    // Assess
    expect(lastInstant.map((check) => check.slot)).toEqual([
      'court_review_due.2026-04-20',
      'court_review_due.2026-12-10',
    ]);
    expect(dayOver.map((check) => check.slot)).toEqual(['court_review_due.2026-12-10']);
    expect(noNow).toHaveLength(2);
  });

  it('goes on after a treatment start, and stops when the case closes', () => {
    const engaged = reviews(
      caseChecks(drr(['2026-12-10'], { status: 'engaged', engagedOn: '2026-03-05' }), [], DEFAULTS),
    );
    const closed = caseChecks(
      drr(['2026-12-10'], { status: 'closed', closedOn: '2026-03-05' }),
      [],
      DEFAULTS,
    );
    expect(engaged.map((check) => check.slot)).toEqual(['court_review_due.2026-12-10']);
    expect(closed).toEqual([]);
  });

  it('a case without an order has no court review checks', () => {
    expect(reviews(caseChecks(referral({ pathway: 'drr' }), [], DEFAULTS))).toEqual([]);
    expect(reviews(caseChecks(drr([]), [], DEFAULTS))).toEqual([]);
  });
});
