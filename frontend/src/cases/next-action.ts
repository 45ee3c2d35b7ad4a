import type { RiskFlag } from '../../../shared/domain/worklist.ts';
import { ALERT_RULE_LABELS, labelFor } from './labels.ts';

/**
 * True when a case's next action is to book a new first appointment: the first appointment it
 * watches was missed. The same rule, while that appointment is still to come, only asks whether
 * it was attended.
 */
export function needsRebooking(rule: string | undefined, risks: readonly RiskFlag[]): boolean {
  return rule === 'first_appointment_missed' && risks.includes('missed_first_appointment');
}

/** What a case's next action asks, in words; after a missed first appointment, a new one. */
export function nextActionText(rule: string, risks: readonly RiskFlag[] = []): string {
  if (needsRebooking(rule, risks)) return 'Book a new first appointment';
  return labelFor(ALERT_RULE_LABELS, rule);
}
