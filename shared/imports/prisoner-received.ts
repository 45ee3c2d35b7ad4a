import { ADMISSION, type PrisonerReceivedEvent } from '../../events/hmpps-events.ts';
import { logger } from '../adapters/logger.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { londonDate } from '../domain/dates.ts';
import { returnedToCustody } from '../domain/referral-rules.ts';
import {
  applyEventOnce,
  casesOfPrisonNumber,
  eventKey,
  type FollowedCase,
  HMPPS_ACTOR,
  type IngestDeps,
  type IngestOutcome,
  outcomeOf,
} from './hmpps-cases.ts';

/**
 * Closes one case as returned to custody, resolving its open alerts, in one transaction and on
 * the timeline as done by the service.
 */
function closeAsReturned(
  deps: IngestDeps,
  followed: FollowedCase,
  event: PrisonerReceivedEvent,
  key: string,
): Promise<'recorded' | 'duplicate'> {
  const { current } = followed;
  const admittedOn = londonDate(new Date(event.occurredAt));
  const { prisonId, probableCause } = event.additionalInformation;
  const cause = probableCause ? ` (${probableCause.toLowerCase().replaceAll('_', ' ')})` : '';
  return applyEventOnce(deps, followed, key, () => ({
    changes: { status: 'closed' as const, closedOn: admittedOn, closeReason: 'returned_to_custody' as const },
    // Closing clears every open alert; they are resolved as the HMPPS event's doing.
    alertResolution: { by: HMPPS_ACTOR, note: 'returned to custody' },
    event: {
      kind: 'closed',
      summary: `Case closed on ${admittedOn}: returned to custody, admitted to ${prisonId}${cause} (HMPPS prisoner received event)`,
      details: {
        reason: 'returned_to_custody',
        closedOn: admittedOn,
        prisonId,
        occurredAt: event.occurredAt,
      },
    },
    audited: { record: 'referral', recordId: current.referral.id },
  }));
}

/**
 * Ingests one `prisoner.received` event. An admission (whatever its probable cause) closes, in
 * every partnership that follows the prison number, each prison-pathway case released within its
 * engagement window and neither engaged nor closed, as `returned_to_custody`: such a person is
 * no longer "released and overdue". Other reasons (transfers, returns from court or temporary
 * absence) change nothing; unknown prison numbers are counted and dropped, never stored.
 */
export async function ingestPrisonerReceived(
  deps: IngestDeps,
  event: PrisonerReceivedEvent,
): Promise<{ outcome: IngestOutcome; referrals: number }> {
  if (event.additionalInformation.reason !== ADMISSION) {
    logger.info('HMPPS prisoner received event that is not an admission: ignored', {
      reason: event.additionalInformation.reason,
    });
    return { outcome: 'ignored', referrals: 0 };
  }
  const followed = await casesOfPrisonNumber(deps.table, event.additionalInformation.nomsNumber);
  if (!followed) return { outcome: 'unknown_prison_number', referrals: 0 };
  const key = eventKey(event);
  const admittedOn = londonDate(new Date(event.occurredAt));
  const windows = new Map<string, number>();
  const outcomes: string[] = [];
  for (const one of followed.cases) {
    if (!windows.has(one.tenantId)) {
      windows.set(
        one.tenantId,
        (await getPartnership(deps.table, one.tenantId)).settings.engagementWindowDays,
      );
    }
    if (!returnedToCustody(one.current.referral, admittedOn, windows.get(one.tenantId) as number)) continue;
    outcomes.push(await closeAsReturned(deps, one, event, key));
  }
  // A repeat finds its cases closed already, so it is ignored (API.md: recorded or ignored).
  const result = outcomeOf(outcomes);
  logger.info('HMPPS prisoner received event ingested', { ...result, partnerships: followed.partnerships });
  return result;
}
