import { ValidationFailed } from '../errors.ts';
import type { Referral } from '../schemas/referral.ts';
import { pathwayDetailProblems } from './pathway-details.ts';
import { isPrisonPathway } from './pathways.ts';
import {
  earlierDateProblem,
  expectedReleaseProblem,
  futureDateProblem,
  requireOpen,
} from './referral-rules.ts';

/** What a `PATCH /referrals/{id}` asks to change, once the assignee and area are known to be allowed. */
export interface ReferralEdit {
  assignedTo?: string | null;
  assignedToName?: string | null;
  expectedReleaseOn?: string | null;
  source?: string;
  areaId?: string;
  programmes?: string[];
  releasedOn?: string;
  engagedOn?: string;
  /** The register's code of the releasing prison (resolved from what was typed). */
  establishment?: string;
  test?: Referral['test'];
  communityResolutionOn?: string;
  custodySuiteId?: string;
  order?: Referral['order'];
  reason?: string;
}

/** One changed field, as the timeline keeps it. */
export interface FieldChange {
  field: keyof ReferralEdit;
  from: unknown;
  to: unknown;
}

/** The fields whose change corrects a recorded fact, and so needs a reason. */
export const CORRECTED_FACTS = ['releasedOn', 'engagedOn'] as const;

/** What is wrong with an edit's reason, if anything: a correction of a recorded date needs one. */
export function correctionReasonProblem(edit: Pick<ReferralEdit, 'releasedOn' | 'engagedOn' | 'reason'>) {
  return (edit.releasedOn !== undefined || edit.engagedOn !== undefined) && !edit.reason
    ? 'give the reason for correcting a recorded date (up to 500 characters)'
    : undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Checks an edit of a referral against the case and answers the fields that change, old and new
 * (unchanged ones are left out). Every problem is found at once, each on its field; a closed
 * case cannot change at all.
 */
export function checkReferralEdit(referral: Referral, edit: ReferralEdit, now: Date): FieldChange[] {
  requireOpen(referral);
  const problems: Record<string, string | undefined> = {};
  const prison = isPrisonPathway(referral.pathway);
  const releasedOn = edit.releasedOn ?? referral.releasedOn;
  const engagedOn = edit.engagedOn ?? referral.engagedOn;
  if (edit.releasedOn !== undefined) {
    problems.releasedOn = !referral.releasedOn
      ? 'no release is recorded yet: record the release instead'
      : (futureDateProblem(edit.releasedOn, now) ??
        earlierDateProblem(edit.releasedOn, referral.referredOn, 'referral date') ??
        (engagedOn && edit.releasedOn > engagedOn
          ? `must be on or before the treatment start (${engagedOn}), got ${edit.releasedOn}`
          : undefined));
  }
  if (edit.engagedOn !== undefined) {
    problems.engagedOn = !referral.engagedOn
      ? 'no treatment start is recorded yet: record it instead'
      : (futureDateProblem(edit.engagedOn, now) ??
        (prison
          ? earlierDateProblem(edit.engagedOn, releasedOn, 'release date')
          : earlierDateProblem(edit.engagedOn, referral.referredOn, 'referral date')));
  }
  if (
    edit.expectedReleaseOn !== undefined &&
    edit.expectedReleaseOn !== (referral.expectedReleaseOn ?? null)
  ) {
    const expected = edit.expectedReleaseOn ?? undefined;
    problems.expectedReleaseOn =
      expectedReleaseProblem(referral.pathway, expected) ??
      (referral.releasedOn
        ? `the release is recorded (${referral.releasedOn}): correct the release date instead`
        : earlierDateProblem(expected, referral.referredOn, 'referral date'));
  }
  if (edit.establishment !== undefined && !prison) {
    problems.establishment = `a ${referral.pathway} referral has no prison release: leave this out`;
  }
  Object.assign(
    problems,
    pathwayDetailProblems(referral.pathway, { ...edit, referredOn: referral.referredOn }, now, {
      requireAll: false,
    }),
  );
  const changes = (Object.keys(edit) as (keyof ReferralEdit)[])
    .filter((field) => field !== 'reason' && field !== 'assignedToName')
    .filter((field) => !same(edit[field], referral[field as keyof Referral]))
    .map((field) => ({ field, from: referral[field as keyof Referral] ?? null, to: edit[field] ?? null }));
  const corrects = changes.some((change) => (CORRECTED_FACTS as readonly string[]).includes(change.field));
  if (corrects) problems.reason = correctionReasonProblem(edit);
  const found = Object.fromEntries(
    Object.entries(problems).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  if (Object.keys(found).length) throw new ValidationFailed('Some changes cannot be made.', found);
  return changes;
}
