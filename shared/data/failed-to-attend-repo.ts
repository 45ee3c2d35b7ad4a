import type { Referral } from '../schemas/referral.ts';
import { keys, tenantPartition } from './keys.ts';
import { queryAll } from './query-page.ts';
import type { Table } from './table.ts';

/** What a failed-to-attend entry keeps: the facts of a closed case, which never change again. */
export interface FailedToAttendItem {
  referralId: string;
  areaId: string;
  closedOn: string;
  custodySuiteId?: string;
  test?: Referral['test'];
  missedAssessments: { kind: string; at: string }[];
}

/**
 * The entry a drug-testing-on-arrest case closed as failed to attend gets on its area's list,
 * with the required assessments it missed (marked missed, or left booked), as they stood at
 * the close.
 */
export function failedToAttendItem(
  tenantId: string,
  referral: Referral,
  closedOn: string,
  appointments: readonly { kind: string; at: string; status: string }[],
  now: Date,
): Record<string, unknown> {
  const missedAssessments = appointments
    .filter((a) => ['initial_assessment', 'follow_up_assessment'].includes(a.kind))
    // Marked missed, or left booked past its time: one still to come was not missed.
    .filter(
      (a) => a.status === 'missed' || (['booked', 'rescheduled'].includes(a.status) && new Date(a.at) <= now),
    )
    .map(({ kind, at }) => ({ kind, at }));
  return {
    ...keys.failedToAttend(tenantId, referral.areaId, closedOn, referral.id),
    type: 'failedToAttend',
    referralId: referral.id,
    areaId: referral.areaId,
    closedOn,
    ...(referral.custodySuiteId ? { custodySuiteId: referral.custodySuiteId } : {}),
    ...(referral.test ? { test: referral.test } : {}),
    missedAssessments,
  };
}

/** An area's failed-to-attend entries closed from `from` to `to` (inclusive, either open), oldest first. */
export async function failedToAttendOfArea(
  table: Table,
  tenantId: string,
  areaId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<FailedToAttendItem[]> {
  const prefix = keys.failedToAttendOfArea(areaId);
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': tenantPartition(tenantId),
      ':from': `${prefix}${from ?? ''}`,
      // Every entry of a day sorts before the day followed by "~".
      ':to': `${prefix}${to ?? '9999-12-31'}~`,
    },
  });
  return items.map((item) => item as unknown as FailedToAttendItem);
}
