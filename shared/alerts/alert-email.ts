import type { OutgoingMail } from '../adapters/ports.ts';
import type { AlertRule } from '../domain/values.ts';

const WHAT: Record<AlertRule, { title: string; happened: string; action: string }> = {
  no_first_appointment: {
    title: 'No first appointment booked',
    happened: 'A person was released from prison and no first community appointment has been booked.',
    action: 'Book a first appointment today and record it in Continuity.',
  },
  first_appointment_missed: {
    title: 'First appointment missed',
    happened: 'A first appointment after release was missed, or its time passed with no outcome recorded.',
    action: 'Contact the person today, rebook the appointment, and record the outcome.',
  },
  engagement_at_risk: {
    title: 'Engagement at risk',
    happened: 'Two weeks have passed since release and no treatment start is recorded.',
    action:
      'Check the plan for this case with the caseworker; a treatment start within the window still counts.',
  },
  engagement_window_missed: {
    title: 'Engagement window missed',
    happened: 'The engagement window after release has closed with no treatment start recorded.',
    action: 'Review the case: keep working to engage, or close it with the reason.',
  },
  release_not_confirmed: {
    title: 'Release not confirmed',
    happened: 'The expected release date has passed and no release is recorded.',
    action: 'Confirm with the prison whether the person was released, and record it.',
  },
};

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
  const what = WHAT[alert.rule];
  const reference = caseReference(alert.referralId);
  return {
    to,
    subject: `Continuity alert: ${what.title} – ${areaName} (${reference})`,
    text: [
      what.happened,
      '',
      `Area: ${areaName}`,
      `Case reference: ${reference}`,
      `Due: ${londonTime(alert.dueAt)}`,
      '',
      `What to do: ${what.action}`,
      '',
      `Open the case: ${appUrl.replace(/\/$/, '')}/referrals/${alert.referralId}`,
      '',
      'This email holds no personal details by design: sign in to Continuity to see the case.',
    ].join('\n'),
  };
}
