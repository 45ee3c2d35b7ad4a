import type { StoredReferral } from '../data/referrals-repo.ts';
import type { AlertRule } from '../domain/values.ts';
import { daysSinceRelease, type RiskFlag, risksAt } from '../domain/worklist.ts';

/** Where a case stands at `now`: what it needs next, how far into its window, and its risks. */
export interface CaseProgress {
  nextAction: { rule: AlertRule; dueAt: string; overdue: boolean } | null;
  daysSinceRelease: number | null;
  windowClosesOn: string | null;
  riskFlags: RiskFlag[];
}

/** A stored referral's progress at `now`, from the attributes derived when it last changed. */
export function progressOf(referral: StoredReferral, now: Date): CaseProgress {
  const { nextDueAt, nextDueRule } = referral;
  return {
    nextAction:
      nextDueAt && nextDueRule
        ? { rule: nextDueRule, dueAt: nextDueAt, overdue: nextDueAt <= now.toISOString() }
        : null,
    daysSinceRelease: daysSinceRelease(referral.releasedOn, now) ?? null,
    windowClosesOn: referral.windowClosesOn ?? null,
    // An engaged or closed case carries no risk tag: the first days no longer need someone.
    riskFlags:
      referral.status === 'engaged' || referral.status === 'closed'
        ? []
        : risksAt(referral.riskFlags ?? [], referral.releasedOn, now),
  };
}

/** A referral without the worklist's ordering attributes, which are the index's business. */
export function withoutWorkAttributes<T extends StoredReferral>(referral: T) {
  const { urgentAt: _urgentAt, listedFrom: _listedFrom, ...rest } = referral;
  return rest;
}
