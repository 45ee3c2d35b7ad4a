/**
 * An alert's id is its referral's id and its rule joined by `-` (referral ids never hold a `-`),
 * so one alert per referral and rule is one item, and an alert's page can find its case.
 */
export const alertIdOf = (referralId: string, rule: string): string => `${referralId}-${rule}`;

/** The referral and rule an alert id names, or undefined for a malformed one. */
export function parseAlertId(alertId: string): { referralId: string; rule: string } | undefined {
  const at = alertId.indexOf('-');
  return at > 0 ? { referralId: alertId.slice(0, at), rule: alertId.slice(at + 1) } : undefined;
}
