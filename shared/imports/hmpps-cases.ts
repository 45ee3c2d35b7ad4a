import { createHash } from 'node:crypto';
import type { HmppsPrisonerEvent } from '../../events/hmpps-events.ts';
import type { Clock } from '../adapters/ports.ts';
import { applyCaseChange, type CaseContext, type CaseDecision } from '../cases/change-case.ts';
import { failedConditions } from '../data/dynamo-errors.ts';
import { hmppsEventMarker } from '../data/hmpps-events-repo.ts';
import { findPerson, followersOf } from '../data/people-repo.ts';
import { type CaseRecord, loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';

export interface IngestDeps {
  table: Table;
  clock: Clock;
}

export type IngestOutcome = 'recorded' | 'ignored' | 'unknown_prison_number' | 'duplicate';

/** Who the timeline and audit name for a change HMPPS's events make. */
export const HMPPS_ACTOR = {
  memberId: 'hmpps',
  name: 'HMPPS prisoner event',
  role: 'system',
  requestId: 'hmpps',
  sourceIp: 'hmpps',
};

/** Same event, same key: so the same event delivered twice changes nothing the second time. */
export const eventKey = (event: HmppsPrisonerEvent): string =>
  createHash('sha256')
    .update(
      [
        event.eventType,
        event.occurredAt,
        event.additionalInformation.nomsNumber,
        event.additionalInformation.reason,
        event.additionalInformation.prisonId,
      ].join('|'),
    )
    .digest('base64url')
    .slice(0, 32);

/** One case an event reaches, in the partnership that follows the prison number. */
export interface FollowedCase {
  tenantId: string;
  current: CaseRecord;
}

/**
 * Every case of the people who hold this prison number, in every partnership that follows it;
 * undefined when no partnership does (the event is then dropped, never stored).
 */
export async function casesOfPrisonNumber(
  table: Table,
  prisonNumber: string,
): Promise<{ partnerships: number; cases: FollowedCase[] } | undefined> {
  const followers = await followersOf(table, prisonNumber);
  if (followers.length === 0) return undefined;
  const cases: FollowedCase[] = [];
  for (const { tenantId, personId } of followers) {
    const person = await findPerson(table, tenantId, personId);
    for (const referralId of person?.referralIds ?? []) {
      cases.push({ tenantId, current: await loadCase(table, tenantId, referralId) });
    }
  }
  return { partnerships: followers.length, cases };
}

/**
 * Applies an event's change to one case at most once: the event's marker for the case is
 * written in the same transaction, so a redelivered event answers `duplicate` and changes nothing.
 */
export async function applyEventOnce(
  deps: IngestDeps,
  { tenantId, current }: FollowedCase,
  key: string,
  decide: (context: CaseContext) => CaseDecision,
): Promise<'recorded' | 'duplicate'> {
  try {
    await applyCaseChange(deps, tenantId, HMPPS_ACTOR, current, (context) => {
      const decision = decide(context);
      // The marker goes first after the referral's update: index 1 of the transaction.
      const marker = hmppsEventMarker(tenantId, `${key}-${current.referral.id}`, context.now);
      return { ...decision, writes: [marker, ...(decision.writes ?? [])] };
    });
    return 'recorded';
  } catch (error) {
    if (failedConditions(error)?.includes(1)) return 'duplicate';
    throw error;
  }
}

/** The event's outcome from its cases' outcomes, and how many cases it changed. */
export function outcomeOf(outcomes: readonly string[]): { outcome: IngestOutcome; referrals: number } {
  const referrals = outcomes.filter((outcome) => outcome === 'recorded').length;
  if (referrals > 0) return { outcome: 'recorded', referrals };
  return { outcome: outcomes.includes('duplicate') ? 'duplicate' : 'ignored', referrals: 0 };
}
