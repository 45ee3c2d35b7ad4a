import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { logger } from '../adapters/logger.ts';
import type { Alert } from '../data/alerts-repo.ts';
import { keys } from '../data/keys.ts';
import { toRecord } from '../data/records.ts';
import { type AlertDeps, publishAlert, raiseDueAlerts, type SettingsCache } from './raise-alerts.ts';

export interface SweepResult {
  /** Alerts raised by this run. */
  raised: number;
  /** Raised alerts this run found unpublished (a publish that failed earlier) and published. */
  republished: number;
  /** Due entries read. */
  checked: number;
}

/** How many cases are worked on at once: enough to hide latency, little enough to be gentle. */
const PARALLEL = 8;

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

/**
 * The alert sweep: reads only the due entries up to now from the sparse due-check index (its
 * cost grows with the cases due, not with the people held), re-reads each case, raises what is
 * due, moves the due check on, and publishes alerts whose earlier publish failed. Safe to run
 * twice, or twice at once: every raise is a conditional write.
 */
export async function runSweep(deps: AlertDeps): Promise<SweepResult> {
  const now = deps.clock().toISOString();
  const cache: SettingsCache = new Map();
  const result: SweepResult = { raised: 0, republished: 0, checked: 0 };
  for (const partition of keys.duePartitions()) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await deps.table.db.send(
        new QueryCommand({
          TableName: deps.table.name,
          IndexName: 'DueIndex',
          KeyConditionExpression: 'duePK = :pk AND dueSK <= :now',
          ExpressionAttributeValues: { ':pk': partition, ':now': `${now}#\uffff` },
          ExclusiveStartKey: startKey,
          Limit: 200,
        }),
      );
      const entries = page.Items ?? [];
      result.checked += entries.length;
      await inParallel(entries, async (entry) => {
        const tenantId = String(entry.tenantId ?? String(entry.PK).slice(2));
        try {
          if (entry.type === 'alert') {
            const published = await publishAlert(deps, tenantId, toRecord<Alert>(entry));
            if (published) result.republished += 1;
          } else if (entry.type === 'referral') {
            // Await first, then add: `+= await` would read the total before the await and lose
            // the other workers' updates.
            const raised = await raiseDueAlerts(deps, tenantId, String(entry.id), cache);
            result.raised += raised.length;
          }
        } catch (error) {
          // One case failing must not stop the sweep; it stays due and is tried next run.
          logger.error('sweep could not process a due case', {
            tenantId,
            referralId: String(entry.id),
            error: String(error),
          });
        }
      });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  if (result.raised || result.republished) logger.info('sweep finished', { ...result });
  return result;
}
