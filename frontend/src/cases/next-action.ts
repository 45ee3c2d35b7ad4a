import { ALERT_RULE_LABELS, labelFor } from './labels.ts';

/**
 * What a case's next action asks, in words. A missed first appointment asks for a new one:
 * the person has to be seen, and rebooking is what the team does next.
 */
export function nextActionText(rule: string): string {
  if (rule === 'first_appointment_missed') return 'Book a new first appointment';
  return labelFor(ALERT_RULE_LABELS, rule);
}
