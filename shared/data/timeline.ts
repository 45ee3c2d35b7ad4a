import type { Actor } from '../domain/actor.ts';
import { newId } from './ids.ts';
import { keys } from './keys.ts';
import { type PageRequest, prefixQuery, recordsPage } from './query-page.ts';
import type { Table } from './table.ts';

export type TimelineKind =
  | 'referred'
  | 'released'
  | 'release_event'
  | 'appointment_booked'
  | 'appointment_updated'
  | 'engaged'
  | 'closed'
  | 'offence_recorded'
  | 'alert_raised'
  | 'alert_updated'
  | 'referral_updated'
  | 'release_planned'
  | 'contact_recorded';

export interface TimelineEvent {
  id: string;
  referralId: string;
  at: string;
  kind: TimelineKind;
  summary: string;
  by: { memberId: string; name: string };
  details?: Record<string, unknown>;
}

/** A timeline event, written in the same transaction as the change it records. */
export function timelineItem(
  tenantId: string,
  referralId: string,
  kind: TimelineKind,
  summary: string,
  actor: Pick<Actor, 'memberId' | 'name'>,
  now: Date,
  details?: Record<string, unknown>,
): Record<string, unknown> {
  const id = newId(now);
  const at = now.toISOString();
  return {
    ...keys.timelineEvent(tenantId, referralId, at, id),
    type: 'timelineEvent',
    id,
    referralId,
    at,
    kind,
    summary,
    by: { memberId: actor.memberId, name: actor.name },
    ...(details ? { details } : {}),
  };
}

/** A referral's timeline, oldest first. */
export const listTimeline = (table: Table, tenantId: string, referralId: string, page: PageRequest) =>
  recordsPage<TimelineEvent>(
    table,
    prefixQuery(keys.referral(tenantId, referralId).PK, keys.timelinePrefix(referralId)),
    page,
  );
