import { firesWhen } from '../../../../shared/domain/alert-catalogue.ts';
import { ALERT_RULES } from '../../../../shared/domain/values.ts';
import type { Partnership } from '../../api/types.ts';
import { programmeName } from '../../cases/labels.ts';
import { formatDate } from '../admin/format-date.ts';

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
    // When each rule fires, in the alert catalogue's words and order.
    alertRules: ALERT_RULES.map((rule) => {
      const { label, value } = firesWhen(rule, settings);
      return { key: label, value };
    }),
  };
}

/** The programmes the partnership runs, as a summary row. */
export function programmeRows(partnership: Partnership) {
  const { programmes } = partnership.settings;
  return [
    {
      key: 'Programmes run',
      value: programmes.length === 0 ? 'None' : programmes.map(programmeName).join(', '),
    },
  ];
}

/** The export key as summary rows: whether there is one, which, and who set it when. */
export function exportKeyRows(partnership: Partnership) {
  const key = partnership.exportKey;
  if (!key) {
    return [
      {
        key: 'Export key',
        value:
          'Not set. The service’s operator cannot export the partnership’s data until the chair sets one: exports are encrypted to it.',
      },
    ];
  }
  return [
    { key: 'Export key', value: key.recipient },
    { key: 'Set by', value: `${key.setBy.name} on ${formatDate(key.setAt)}` },
  ];
}
