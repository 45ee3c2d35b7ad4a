/**
 * An alert's id is its referral's id and its rule joined by `-` (shared/schemas/alert.ts), and
 * referral ids never hold a `-`; so an alert's page can load its case, which lists its alerts.
 */
export function referralIdOfAlert(alertId: string): string | undefined {
  const at = alertId.indexOf('-');
  return at > 0 ? alertId.slice(0, at) : undefined;
}

/** The rule named by an alert id, or undefined for a malformed one. */
export function alertRuleOf(alertId: string): string | undefined {
  const at = alertId.indexOf('-');
  return at > 0 ? alertId.slice(at + 1) : undefined;
}
