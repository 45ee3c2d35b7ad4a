import { type HmppsPrisonerEvent, PRISONER_RELEASED } from '../../events/hmpps-events.ts';
import type { IngestDeps, IngestOutcome } from './hmpps-cases.ts';
import { ingestPrisonerReceived } from './prisoner-received.ts';
import { ingestPrisonerReleased } from './prisoner-released.ts';

/** Ingests one HMPPS prisoner event, released or received, as the queue consumer and the local route do. */
export function ingestHmppsEvent(
  deps: IngestDeps,
  event: HmppsPrisonerEvent,
): Promise<{ outcome: IngestOutcome; referrals: number }> {
  return event.eventType === PRISONER_RELEASED
    ? ingestPrisonerReleased(deps, event)
    : ingestPrisonerReceived(deps, event);
}
