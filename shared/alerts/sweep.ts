import { logger } from '../adapters/logger.ts';
import { mapBounded } from '../concurrency/pool.ts';
import { type Alert, dueEntries } from '../data/alerts-repo.ts';
import { keys, tenantOfKey } from '../data/keys.ts';
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
      const page = await dueEntries(deps.table, partition, now, startKey);
      const entries = page.items;
      result.checked += entries.length;
      await mapBounded(entries, PARALLEL, async (entry) => {
        let tenantId = 'unknown';
        try {
          tenantId = tenantOfKey(String(entry.PK));
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
      startKey = page.lastKey;
    } while (startKey);
  }
  if (result.raised || result.republished) logger.info('sweep finished', { ...result });
  return result;
}
