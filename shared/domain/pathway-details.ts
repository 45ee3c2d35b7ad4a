import { pathwayFieldProblems } from './pathways.ts';
import { earlierDateProblem, futureDateProblem } from './referral-rules.ts';

/** A pathway's own facts as a create or a PATCH sends them (shared/schemas/referral.ts). */
export interface PathwayDetails {
  test?: { testedOn?: string; result?: string };
  communityResolutionOn?: string;
  custodySuiteId?: string;
  order?: { madeOn?: string; months?: number; reviewDates?: readonly string[] };
}

/** The last day of an order of `months` months made on `madeOn` (the day before the same date `months` on). */
export function orderEndsOn(madeOn: string, months: number): string {
  const [year, month, day] = madeOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year, month - 1 + months, day));
  // 31 January plus one month is 3 March in Date arithmetic: clamp to the month's last day.
  if (end.getUTCDate() !== day) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * What is wrong with a referral's pathway facts, by field path: a field of another pathway, a
 * required one missing (`requireAll`, on a create), dates in the future or out of order (the
 * test on or before the referral, each court review on or after the order and within it).
 */
export function pathwayDetailProblems(
  pathway: string | undefined,
  body: PathwayDetails & { referredOn?: string },
  now: Date,
  { requireAll }: { requireAll: boolean },
): Record<string, string | undefined> {
  const problems: Record<string, string | undefined> = pathway
    ? pathwayFieldProblems(pathway, body, { requireAll })
    : {};
  if (body.test?.testedOn) {
    problems['test.testedOn'] =
      futureDateProblem(body.test.testedOn, now) ??
      (body.referredOn && body.test.testedOn > body.referredOn
        ? `must be on or before the referral date (${body.referredOn}), got ${body.test.testedOn}`
        : undefined);
  }
  problems.communityResolutionOn = futureDateProblem(body.communityResolutionOn, now);
  const order = body.order;
  if (order?.madeOn) {
    problems['order.madeOn'] = futureDateProblem(order.madeOn, now);
    const endsOn = order.months ? orderEndsOn(order.madeOn, order.months) : undefined;
    (order.reviewDates ?? []).forEach((reviewOn, index) => {
      problems[`order.reviewDates.${index}`] =
        earlierDateProblem(reviewOn, order.madeOn, 'order date') ??
        (endsOn && reviewOn > endsOn
          ? `must fall within the order, which ends on ${endsOn}, got ${reviewOn}`
          : undefined);
    });
  }
  return problems;
}
