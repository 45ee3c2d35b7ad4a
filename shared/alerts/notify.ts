import type { AlertRaisedDetail } from '../../events/alert-events.ts';
import { logger } from '../adapters/logger.ts';
import type { Clock, Mailer } from '../adapters/ports.ts';
import { claimMail, mailStateOf, markMail } from '../data/alert-mail-repo.ts';
import { getAlert } from '../data/alerts-repo.ts';
import { findArea } from '../data/areas-repo.ts';
import { allMembers } from '../data/members-repo.ts';
import { loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { NotFound } from '../errors.ts';
import { alertEmail } from './alert-email.ts';
import { recipientsOf } from './recipients.ts';

export interface NotifyDeps {
  table: Table;
  clock: Clock;
  mailer: Mailer;
  appUrl: string;
}

export type NotifyOutcome = 'sent' | 'already_sent' | 'in_progress' | 'no_recipients' | 'gone';

/**
 * Sends the one email of a raised alert to the people its rule names. A failed send marks the
 * email failed and throws, so the bus delivers the event again (and, after its attempts, to the
 * dead-letter queue or the local failed-mail list); a later delivery sends it once.
 */
export async function notifyAlert(deps: NotifyDeps, detail: AlertRaisedDetail): Promise<NotifyOutcome> {
  const { tenantId, alertId } = detail;
  let alert: Awaited<ReturnType<typeof getAlert>>;
  let current: Awaited<ReturnType<typeof loadCase>>;
  try {
    alert = await getAlert(deps.table, tenantId, alertId);
    current = await loadCase(deps.table, tenantId, alert.referralId);
  } catch (error) {
    // The partnership was offboarded or the case purged since: nothing to tell anyone.
    if (error instanceof NotFound) return 'gone';
    throw error;
  }
  const existing = await mailStateOf(deps.table, tenantId, alertId);
  if (existing?.state === 'sent' || existing?.state === 'no_recipients') return 'already_sent';
  const area = await findArea(deps.table, tenantId, alert.areaId);
  const members = await allMembers(deps.table, tenantId);
  const to = area ? recipientsOf(alert.rule, area, members, current.referral.assignedTo) : [];
  const now = deps.clock();
  if (!(await claimMail(deps.table, tenantId, alertId, now)))
    return existing ? 'already_sent' : 'in_progress';
  if (to.length === 0) {
    logger.warn('alert has no one to tell: the area has no alert addresses and no manager', {
      tenantId,
      alertId,
    });
    await markMail(deps.table, tenantId, alertId, { state: 'no_recipients' });
    return 'no_recipients';
  }
  try {
    const sent = await deps.mailer.send(
      alertEmail({ ...alert, pathway: current.referral.pathway }, area?.name ?? 'your area', to, deps.appUrl),
    );
    await markMail(deps.table, tenantId, alertId, {
      state: 'sent',
      sentAt: deps.clock().toISOString(),
      messageId: sent.messageId,
      recipients: to.length,
    });
    logger.info('alert email sent', { tenantId, alertId, rule: alert.rule, recipients: to.length });
    return 'sent';
  } catch (error) {
    await markMail(deps.table, tenantId, alertId, {
      state: 'failed',
      lastError: String(error).slice(0, 300),
    }).catch(() => undefined);
    logger.warn('alert email failed; the delivery will be retried', {
      tenantId,
      alertId,
      error: String(error),
    });
    throw error;
  }
}
