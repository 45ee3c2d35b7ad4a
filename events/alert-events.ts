import { ALERT_RULES } from '../shared/domain/values.ts';
import * as z from '../shared/schemas/zod.ts';

/** The source of every event the service publishes about alerts. */
export const ALERT_EVENT_SOURCE = 'continuity.alerts';
export const ALERT_RAISED = 'AlertRaised';

/**
 * `AlertRaised` detail: ids only, never a person's details. The notify function reads what it
 * needs from the table, so a redelivered or late event still mails the current recipients.
 */
export const AlertRaisedDetail = z.strictObject({
  tenantId: z.string().check(z.minLength(1)),
  alertId: z.string().check(z.minLength(1)),
  referralId: z.string().check(z.minLength(1)),
  areaId: z.string().check(z.minLength(1)),
  rule: z.enum(ALERT_RULES),
  dueAt: z.iso.datetime({ offset: true }),
  raisedAt: z.iso.datetime({ offset: true }),
});
export type AlertRaisedDetail = z.infer<typeof AlertRaisedDetail>;

/** The EventBridge envelope a rule target receives. */
export interface DeliveredEvent<T = unknown> {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: T;
}
