import type { OutgoingMail } from '../adapters/ports.ts';
import { ALERT_CATALOGUE } from '../domain/alert-catalogue.ts';
import type { AlertRule } from '../domain/values.ts';

/** A short reference for a case that identifies no one: the last 8 characters of its id. */
export const caseReference = (referralId: string): string => `C-${referralId.slice(-8).toUpperCase()}`;

const londonTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  }).format(new Date(iso));

/**
 * The email of an alert: the rule, the area, a case reference and a link, and nothing that
 * identifies the person (no name, date of birth, prison or NHS number, nor health detail).
 */
export function alertEmail(
  alert: { rule: AlertRule; referralId: string; dueAt: string },
  areaName: string,
  to: string[],
  appUrl: string,
): OutgoingMail {
  const what = ALERT_CATALOGUE[alert.rule];
  const reference = caseReference(alert.referralId);
  return {
    to,
    subject: `Continuity alert: ${what.name} – ${areaName} (${reference})`,
    text: [
      what.email.happened,
      '',
      `Area: ${areaName}`,
      `Case reference: ${reference}`,
      `Due: ${londonTime(alert.dueAt)}`,
      '',
      `What to do: ${what.email.action}`,
      '',
      `Open the case: ${appUrl.replace(/\/$/, '')}/referrals/${alert.referralId}`,
      '',
      'This email holds no personal details by design: sign in to Continuity to see the case.',
    ].join('\n'),
  };
}
