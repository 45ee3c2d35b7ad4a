import { Conflict, ValidationFailed } from '../errors.ts';
import type { Referral } from '../schemas/referral.ts';
import { londonDate } from './dates.ts';
import { isPrisonPathway } from './pathways.ts';

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
  if (referral.status === 'closed') {
    throw new Conflict(
      'referral_closed',
      `This case was closed on ${referral.closedOn}: it can no longer be changed.`,
    );
  }
  const today = londonDate(now);
  const problems: Record<string, string> = {};
  const releasedOn = edit.releasedOn ?? referral.releasedOn;
  const engagedOn = edit.engagedOn ?? referral.engagedOn;
  if (edit.releasedOn !== undefined) {
    if (!referral.releasedOn) problems.releasedOn = 'no release is recorded yet: record the release instead';
    else if (edit.releasedOn > today)
      problems.releasedOn = `must be today or earlier, got ${edit.releasedOn}`;
    else if (edit.releasedOn < referral.referredOn)
      problems.releasedOn = `must be on or after the referral date (${referral.referredOn}), got ${edit.releasedOn}`;
    else if (engagedOn && edit.releasedOn > engagedOn)
      problems.releasedOn = `must be on or before the treatment start (${engagedOn}), got ${edit.releasedOn}`;
  }
  if (edit.engagedOn !== undefined) {
    const earliest = isPrisonPathway(referral.pathway) ? releasedOn : referral.referredOn;
    if (!referral.engagedOn) problems.engagedOn = 'no treatment start is recorded yet: record it instead';
    else if (edit.engagedOn > today) problems.engagedOn = `must be today or earlier, got ${edit.engagedOn}`;
    else if (earliest && edit.engagedOn < earliest) {
      problems.engagedOn = `must be on or after the ${isPrisonPathway(referral.pathway) ? 'release date' : 'referral date'} (${earliest}), got ${edit.engagedOn}`;
    }
  }
  if (
    edit.expectedReleaseOn !== undefined &&
    edit.expectedReleaseOn !== (referral.expectedReleaseOn ?? null)
  ) {
    if (!isPrisonPathway(referral.pathway)) {
      problems.expectedReleaseOn = `a ${referral.pathway} referral has no prison release: leave this out`;
    } else if (referral.releasedOn) {
      problems.expectedReleaseOn = `the release is recorded (${referral.releasedOn}): correct the release date instead`;
    } else if (edit.expectedReleaseOn && edit.expectedReleaseOn < referral.referredOn) {
      problems.expectedReleaseOn = `must be on or after the referral date (${referral.referredOn}), got ${edit.expectedReleaseOn}`;
    }
  }
  const changes = (Object.keys(edit) as (keyof ReferralEdit)[])
    .filter((field) => field !== 'reason' && field !== 'assignedToName')
    .filter((field) => !same(edit[field], referral[field as keyof Referral]))
    .map((field) => ({ field, from: referral[field as keyof Referral] ?? null, to: edit[field] ?? null }));
  const corrects = changes.some((change) => (CORRECTED_FACTS as readonly string[]).includes(change.field));
  if (corrects && !edit.reason) {
    problems.reason = 'give the reason for correcting a recorded date (up to 500 characters)';
  }
  if (Object.keys(problems).length) throw new ValidationFailed('Some changes cannot be made.', problems);
  return changes;
}
