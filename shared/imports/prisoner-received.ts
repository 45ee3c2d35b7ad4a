import { ADMISSION, type PrisonerReceivedEvent } from '../../events/hmpps-events.ts';
import { logger } from '../adapters/logger.ts';
import { applyCaseChange } from '../cases/change-case.ts';
import { alertMoveWrite } from '../data/alerts-repo.ts';
import { failedConditions } from '../data/dynamo-errors.ts';
import { hmppsEventMarker } from '../data/hmpps-events-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { findPerson, followersOf } from '../data/people-repo.ts';
import { type CaseRecord, loadCase } from '../data/referrals-repo.ts';
import { putItem } from '../data/table-io.ts';
import { timelineItem } from '../data/timeline.ts';
import { londonDate } from '../domain/dates.ts';
import { returnedToCustody } from '../domain/referral-rules.ts';
import { eventKey, HMPPS_ACTOR, type IngestDeps, type IngestOutcome } from './prisoner-released.ts';

/**
 * Closes one case as returned to custody, resolving its open alerts, all in one transaction with
 * the event's marker (so the same event twice changes nothing) and on the timeline as done by
 * the service.
 */
async function closeAsReturned(
  deps: IngestDeps,
  tenantId: string,
  current: CaseRecord,
  event: PrisonerReceivedEvent,
  key: string,
): Promise<'recorded' | 'duplicate'> {
  const admittedOn = londonDate(new Date(event.occurredAt));
  const { prisonId, probableCause } = event.additionalInformation;
  const cause = probableCause ? ` (${probableCause.toLowerCase().replaceAll('_', ' ')})` : '';
  const open = current.alerts.filter((alert) => alert.status !== 'resolved');
  try {
    await applyCaseChange(deps, tenantId, HMPPS_ACTOR, current, ({ now }) => ({
      changes: {
        status: 'closed' as const,
        closedOn: admittedOn,
        closeReason: 'returned_to_custody' as const,
      },
      writes: [
        hmppsEventMarker(tenantId, `${key}-${current.referral.id}`, now),
        ...open.flatMap((alert) => [
          alertMoveWrite(
            tenantId,
            alert,
            {
              status: 'resolved',
              resolvedAt: now.toISOString(),
              resolvedBy: { memberId: HMPPS_ACTOR.memberId, name: HMPPS_ACTOR.name },
              note: 'Returned to custody',
            },
            now,
          ),
          putItem(
            timelineItem(
              tenantId,
              current.referral.id,
              'alert_updated',
              `Alert ${alert.rule.replaceAll('_', ' ')} resolved: returned to custody`,
              HMPPS_ACTOR,
              now,
              { alertId: alert.id, status: 'resolved' },
            ),
          ),
        ]),
      ],
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
    return 'recorded';
  } catch (error) {
    // The marker exists: this event was applied to this case before.
    if (failedConditions(error)?.includes(1)) return 'duplicate';
    throw error;
  }
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
  const followers = await followersOf(deps.table, event.additionalInformation.nomsNumber);
  if (followers.length === 0) return { outcome: 'unknown_prison_number', referrals: 0 };
  const key = eventKey(event);
  const admittedOn = londonDate(new Date(event.occurredAt));
  const outcomes: string[] = [];
  for (const { tenantId, personId } of followers) {
    const windowDays = (await getPartnership(deps.table, tenantId)).settings.engagementWindowDays;
    const person = await findPerson(deps.table, tenantId, personId);
    for (const referralId of person?.referralIds ?? []) {
      const current = await loadCase(deps.table, tenantId, referralId);
      if (!returnedToCustody(current.referral, admittedOn, windowDays)) continue;
      outcomes.push(await closeAsReturned(deps, tenantId, current, event, key));
    }
  }
  // A repeat finds its cases closed already, so it is ignored (API.md: recorded or ignored).
  const recorded = outcomes.filter((outcome) => outcome === 'recorded').length;
  const outcome: IngestOutcome = recorded > 0 ? 'recorded' : 'ignored';
  logger.info('HMPPS prisoner received event ingested', {
    outcome,
    referrals: recorded,
    partnerships: followers.length,
  });
  return { outcome, referrals: recorded };
}
