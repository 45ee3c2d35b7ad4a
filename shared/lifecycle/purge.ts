import { logger } from '../adapters/logger.ts';
import type { Clock } from '../adapters/ports.ts';
import { areaIdsOf } from '../data/areas-repo.ts';
import { deleteAll } from '../data/batch-write.ts';
import { keys } from '../data/keys.ts';
import { recordOperatorAction } from '../data/operator-audit-repo.ts';
import { allPartnerships } from '../data/partnerships-repo.ts';
import { findPerson, personItemKeys, setReferralsOf } from '../data/people-repo.ts';
import { caseloadOfArea } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { keysUnder } from '../data/tenant-items.ts';
import { caseReference } from '../domain/case-reference.ts';
import { addDays, londonDate } from '../domain/dates.ts';
import { PartnershipSettings } from '../schemas/partnership.ts';

export interface PurgeDeps {
  table: Table;
  clock: Clock;
}

export interface PurgeResult {
  referrals: number;
  people: number;
}

/**
 * Deletes one closed case and all that hangs under it (appointments, contacts, timeline, alerts
 * and their mail records, its reference lookup); and the person too, with their prison-number claim, lookup items and audit
 * trail, when this was their last case. Their other cases keep them.
 */
async function purgeCase(
  table: Table,
  tenantId: string,
  referralId: string,
  personId: string,
): Promise<{ person: boolean }> {
  const family = await keysUnder(table, tenantId, keys.referralFamily(referralId));
  const mail = await keysUnder(table, tenantId, keys.alertMailOfReferral(referralId));
  // The case's reference lookup: search must not find a purged case.
  const reference = keys.caseReference(tenantId, caseReference(referralId), referralId);
  await deleteAll(table, [...family, ...mail, reference]);
  const person = await findPerson(table, tenantId, personId);
  if (!person) return { person: false };
  const others = person.referralIds.filter((id) => id !== referralId);
  if (others.length > 0) {
    await setReferralsOf(table, tenantId, personId, others);
    return { person: false };
  }
  const audit = await keysUnder(table, tenantId, keys.auditPrefix(personId));
  await deleteAll(table, [...personItemKeys(tenantId, person), ...audit]);
  return { person: true };
}

/** Purges one partnership's cases closed longer ago than its retention period. */
export async function purgePartnership(
  deps: PurgeDeps,
  tenantId: string,
  retentionYears: number,
): Promise<PurgeResult> {
  const cutoff = addDays(londonDate(deps.clock()), -Math.round(retentionYears * 365.25));
  const result: PurgeResult = { referrals: 0, people: 0 };
  for (const areaId of await areaIdsOf(deps.table, tenantId)) {
    for (const referral of await caseloadOfArea(deps.table, tenantId, areaId, false)) {
      if (!referral.closedOn || referral.closedOn >= cutoff) continue;
      const { person } = await purgeCase(deps.table, tenantId, referral.id, referral.personId);
      result.referrals += 1;
      if (person) result.people += 1;
    }
  }
  return result;
}

/**
 * The retention job (events/schedules.ts, daily): for every partnership, deletes the cases closed
 * longer ago than its `retentionYears` (default 8), and records what it did in the operator audit.
 */
export async function purgeExpiredCases(deps: PurgeDeps): Promise<PurgeResult> {
  const partnerships = await allPartnerships(deps.table);
  const total: PurgeResult = { referrals: 0, people: 0 };
  for (const partnership of partnerships) {
    const tenantId = String(partnership.id);
    const settings = PartnershipSettings.parse(partnership.settings ?? {});
    const result = await purgePartnership(deps, tenantId, settings.retentionYears);
    if (result.referrals > 0) {
      await recordOperatorAction(
        deps.table,
        {
          action: 'purge',
          partnershipId: tenantId,
          by: { userId: 'retention-job' },
          items: result.referrals,
          sourceIp: 'scheduler',
          requestId: 'retention',
        },
        deps.clock(),
      );
      logger.info('closed cases purged after retention', { tenantId, ...result });
    }
    total.referrals += result.referrals;
    total.people += result.people;
  }
  return total;
}
