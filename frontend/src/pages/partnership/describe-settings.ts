import type { Partnership } from '../../api/types.ts';

/** "1 day", "4 hours": a count with its unit, singular when it is one. */
export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** A rate held as a fraction (0.75) shown as a percentage ("75%"). */
export function percentage(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}

/** The partnership's settings as summary rows, in the words the page uses. */
export function settingsRows(partnership: Partnership) {
  const { settings } = partnership;
  const rules = settings.alertRules;
  return {
    partnership: [
      { key: 'Name', value: partnership.name },
      { key: 'Engagement window', value: plural(settings.engagementWindowDays, 'day') },
      { key: 'Target rate', value: percentage(settings.targetRate) },
      {
        key: 'Small-number suppression',
        value: settings.suppressSmallNumbers
          ? 'On: counts from 1 to 4 are shown as “<5” in reports for chairs and analysts'
          : 'Off: reports show exact counts',
      },
    ],
    alertRules: [
      {
        key: 'No first appointment after',
        value: `${plural(rules.noFirstAppointmentHours, 'hour')} from release`,
      },
      {
        key: 'First appointment grace',
        value: `${plural(rules.firstAppointmentGraceHours, 'hour')} after its time`,
      },
      { key: 'Engagement at risk on', value: `day ${rules.engagementAtRiskDay} after release` },
      {
        key: 'Engagement window missed on',
        value: `day ${settings.engagementWindowDays + 1} after release, once the engagement window has closed`,
      },
      {
        key: 'Release not confirmed after',
        value: `${plural(rules.releaseNotConfirmedDays, 'day')} from the expected release date`,
      },
    ],
  };
}
