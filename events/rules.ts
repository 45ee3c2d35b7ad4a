import { ALERT_EVENT_SOURCE, ALERT_RAISED } from './alert-events.ts';
import { IMPORT_EVENT_SOURCE, IMPORT_QUEUED } from './import-events.ts';
import type { EventPattern } from './pattern-matcher.ts';

/**
 * Bus rules, declared once: the CDK app makes an EventBridge rule of each, and the local bus
 * routes by the same patterns. A target is the `handler` export of `functions/<module>/handler.ts`.
 */
export interface RuleDef {
  name: string;
  description: string;
  pattern: EventPattern;
  target: { module: string; handler: string };
  /** Deliveries tried before the event goes to the dead-letter queue (AWS) or failed list (local). */
  maxAttempts: number;
  /** The target's time limit per run (Lambda's timeout; the local bus gives the same). */
  timeoutSeconds: number;
}

export const rules: readonly RuleDef[] = [
  {
    name: 'notify-alert-raised',
    description: 'Email the people a raised alert names',
    pattern: { source: [ALERT_EVENT_SOURCE], 'detail-type': [ALERT_RAISED] },
    target: { module: 'notify', handler: 'handler' },
    maxAttempts: 3,
    timeoutSeconds: 30,
  },
  {
    name: 'apply-release-import',
    description: 'Apply a checked release list: add the people and their referrals',
    pattern: { source: [IMPORT_EVENT_SOURCE], 'detail-type': [IMPORT_QUEUED] },
    target: { module: 'import-worker', handler: 'handler' },
    maxAttempts: 3,
    // A list of thousands of rows takes a while; a retried run skips rows already applied.
    timeoutSeconds: 900,
  },
];
