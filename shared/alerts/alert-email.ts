import type { OutgoingMail } from '../adapters/ports.ts';
import { ALERT_CATALOGUE } from '../domain/alert-catalogue.ts';
import { caseReference } from '../domain/case-reference.ts';
import { isPrisonPathway, PATHWAY_NAMES } from '../domain/pathways.ts';
import type { AlertRule, Pathway } from '../domain/values.ts';

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
  alert: {
    rule: AlertRule;
    referralId: string;
    dueAt: string;
    escalates?: { rule: AlertRule };
    pathway?: string;
  },
  areaName: string,
  to: string[],
  appUrl: string,
): OutgoingMail {
  const what = ALERT_CATALOGUE[alert.rule];
  const reference = caseReference(alert.referralId);
  // An escalation names the alert nobody acknowledged, in words.
  const escalated = alert.escalates ? ALERT_CATALOGUE[alert.escalates.rule].name : undefined;
  // What the rule means on this pathway: off the prison pathways there is no release to count
  // from, so the subject names the pathway and the text says what the rule means there.
  const offPrison = alert.pathway !== undefined && !isPrisonPathway(alert.pathway);
  const email = offPrison && 'emailOffPrison' in what ? what.emailOffPrison : what.email;
  const pathway = alert.pathway ? PATHWAY_NAMES[alert.pathway as Pathway] : undefined;
  return {
    to,
    subject: `Continuity alert: ${what.name}${escalated ? ` (${escalated})` : ''}${offPrison && pathway ? ` (${pathway})` : ''} – ${areaName} (${reference})`,
    text: [
      email.happened,
      ...(escalated ? ['', `The open alert: ${escalated}`] : []),
      '',
      ...(pathway ? [`Pathway: ${pathway.charAt(0).toUpperCase()}${pathway.slice(1)}`] : []),
      `Area: ${areaName}`,
      `Case reference: ${reference}`,
      `Due: ${londonTime(alert.dueAt)}`,
      '',
      `What to do: ${email.action}`,
      '',
      `Open the case: ${appUrl.replace(/\/$/, '')}/referrals/${alert.referralId}`,
      '',
      'This email holds no personal details by design: sign in to Continuity to see the case.',
    ].join('\n'),
  };
}
