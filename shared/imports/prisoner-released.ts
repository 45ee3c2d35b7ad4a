import { createHash } from 'node:crypto';
import {
  COMMUNITY_RELEASE,
  type HmppsPrisonerEvent,
  type PrisonerReleasedEvent,
} from '../../events/hmpps-events.ts';
import { logger } from '../adapters/logger.ts';
import type { Clock } from '../adapters/ports.ts';
import { applyCaseChange } from '../cases/change-case.ts';
import { failedConditions } from '../data/dynamo-errors.ts';
import { hmppsEventMarker } from '../data/hmpps-events-repo.ts';
import { findPerson, followersOf } from '../data/people-repo.ts';
import { type CaseRecord, loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { londonDate } from '../domain/dates.ts';
import { isPrisonPathway } from '../domain/referral-rules.ts';

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

/** Applies the event to one open prison-pathway case; answers whether it changed anything. */
async function applyToCase(
  deps: IngestDeps,
  tenantId: string,
  current: CaseRecord,
  event: PrisonerReleasedEvent,
  key: string,
): Promise<'recorded' | 'duplicate' | 'ignored'> {
  const { reason, prisonId } = event.additionalInformation;
  const released = reason === COMMUNITY_RELEASE;
  const releasedOn = londonDate(new Date(event.occurredAt));
  if (released && (current.referral.releasedOn || releasedOn < current.referral.referredOn)) return 'ignored';
  const establishment = /^[A-Z]{3}$/i.test(prisonId) ? prisonId.toUpperCase() : undefined;
  try {
    await applyCaseChange(deps, tenantId, HMPPS_ACTOR, current, ({ now }) => ({
      changes: released
        ? {
            status: 'released' as const,
            releasedOn,
            releaseType: 'other' as const,
            ...(establishment ? { establishment } : {}),
          }
        : {},
      writes: [hmppsEventMarker(tenantId, `${key}-${current.referral.id}`, now)],
      event: {
        kind: released ? 'released' : 'release_event',
        summary: released
          ? `Released on ${releasedOn} from ${prisonId} (HMPPS prisoner released event)`
          : `HMPPS reports ${reason.toLowerCase().replaceAll('_', ' ')} from ${prisonId} on ${releasedOn}: not a release to the community, no alert clock started`,
        details: { reason, prisonId, occurredAt: event.occurredAt },
      },
      audited: { record: 'referral', recordId: current.referral.id },
    }));
    return 'recorded';
  } catch (error) {
    // The marker exists: this event was applied to this case before.
    if (failedConditions(error)?.includes(1)) return 'duplicate';
    throw error;
  }
}

/**
 * Ingests one `prisoner.released` event: in every partnership that follows the prison number,
 * records a release (RELEASED: the alert clock starts) on the open prison-pathway referral
 * awaiting it, or notes other movements on the timeline only. Unknown prison numbers are counted
 * and dropped, never stored.
 */
export async function ingestPrisonerReleased(
  deps: IngestDeps,
  event: PrisonerReleasedEvent,
): Promise<{ outcome: IngestOutcome; referrals: number }> {
  const followers = await followersOf(deps.table, event.additionalInformation.nomsNumber);
  if (followers.length === 0) {
    logger.info('HMPPS event for a prison number no partnership follows: dropped', {
      reason: event.additionalInformation.reason,
    });
    return { outcome: 'unknown_prison_number', referrals: 0 };
  }
  const key = eventKey(event);
  const outcomes: string[] = [];
  for (const { tenantId, personId } of followers) {
    const person = await findPerson(deps.table, tenantId, personId);
    for (const referralId of person?.referralIds ?? []) {
      const current = await loadCase(deps.table, tenantId, referralId);
      const { referral } = current;
      const open =
        isPrisonPathway(referral.pathway) && referral.status !== 'closed' && referral.status !== 'engaged';
      if (!open) continue;
      if (event.additionalInformation.reason === COMMUNITY_RELEASE && referral.status !== 'referred') {
        outcomes.push(
          current.referral.releasedOn === londonDate(new Date(event.occurredAt)) ? 'duplicate' : 'ignored',
        );
        continue;
      }
      outcomes.push(await applyToCase(deps, tenantId, current, event, key));
    }
  }
  const recorded = outcomes.filter((outcome) => outcome === 'recorded').length;
  const outcome: IngestOutcome =
    recorded > 0 ? 'recorded' : outcomes.includes('duplicate') ? 'duplicate' : 'ignored';
  logger.info('HMPPS prisoner event ingested', {
    outcome,
    referrals: recorded,
    partnerships: followers.length,
  });
  return { outcome, referrals: recorded };
}
