import { COMMUNITY_RELEASE, type PrisonerReleasedEvent } from '../../events/hmpps-events.ts';
import { logger } from '../adapters/logger.ts';
import { londonDate } from '../domain/dates.ts';
import { isPrisonPathway } from '../domain/referral-rules.ts';
import { establishmentByCode } from '../reference/establishments.ts';
import {
  applyEventOnce,
  casesOfPrisonNumber,
  eventKey,
  type FollowedCase,
  type IngestDeps,
  type IngestOutcome,
  outcomeOf,
} from './hmpps-cases.ts';

/** Applies the event to one open prison-pathway case; answers whether it changed anything. */
async function applyToCase(
  deps: IngestDeps,
  followed: FollowedCase,
  event: PrisonerReleasedEvent,
  key: string,
): Promise<'recorded' | 'duplicate' | 'ignored'> {
  const { current } = followed;
  const { reason, prisonId } = event.additionalInformation;
  const released = reason === COMMUNITY_RELEASE;
  const releasedOn = londonDate(new Date(event.occurredAt));
  if (released && (current.referral.releasedOn || releasedOn < current.referral.referredOn)) return 'ignored';
  // HMPPS names the prison by its NOMIS code; one the register does not hold is left out.
  const establishment = establishmentByCode(prisonId)?.code;
  return applyEventOnce(deps, followed, key, () => ({
    changes: released
      ? {
          status: 'released' as const,
          releasedOn,
          releaseType: 'other' as const,
          ...(establishment ? { establishment } : {}),
        }
      : {},
    event: {
      kind: released ? 'released' : 'release_event',
      summary: released
        ? `Released on ${releasedOn} from ${prisonId} (HMPPS prisoner released event)`
        : `HMPPS reports ${reason.toLowerCase().replaceAll('_', ' ')} from ${prisonId} on ${releasedOn}: not a release to the community, no alert clock started`,
      details: { reason, prisonId, occurredAt: event.occurredAt },
    },
    audited: { record: 'referral', recordId: current.referral.id },
  }));
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
  const followed = await casesOfPrisonNumber(deps.table, event.additionalInformation.nomsNumber);
  if (!followed) {
    logger.info('HMPPS event for a prison number no partnership follows: dropped', {
      reason: event.additionalInformation.reason,
    });
    return { outcome: 'unknown_prison_number', referrals: 0 };
  }
  const key = eventKey(event);
  const releasedOn = londonDate(new Date(event.occurredAt));
  const outcomes: string[] = [];
  for (const one of followed.cases) {
    const { referral } = one.current;
    const open =
      isPrisonPathway(referral.pathway) && referral.status !== 'closed' && referral.status !== 'engaged';
    if (!open) continue;
    if (event.additionalInformation.reason === COMMUNITY_RELEASE && referral.status !== 'referred') {
      outcomes.push(referral.releasedOn === releasedOn ? 'duplicate' : 'ignored');
      continue;
    }
    outcomes.push(await applyToCase(deps, one, event, key));
  }
  const result = outcomeOf(outcomes);
  logger.info('HMPPS prisoner event ingested', { ...result, partnerships: followed.partnerships });
  return result;
}
