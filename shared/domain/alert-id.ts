/**
 * An alert's id is its referral's id and its slot joined by `-` (referral ids never hold a `-`):
 * the slot is the rule, or the rule and what it is about (shared/domain/alert-rules.ts), so one
 * alert per referral and slot is one item, and an alert's page can find its case.
 */
export const alertIdOf = (referralId: string, slot: string): string => `${referralId}-${slot}`;

/** The referral, slot and rule an alert id names, or undefined for a malformed one. */
export function parseAlertId(
  alertId: string,
): { referralId: string; slot: string; rule: string } | undefined {
  const at = alertId.indexOf('-');
  if (at <= 0) return undefined;
  const slot = alertId.slice(at + 1);
  return { referralId: alertId.slice(0, at), slot, rule: slot.split('.')[0] as string };
}
