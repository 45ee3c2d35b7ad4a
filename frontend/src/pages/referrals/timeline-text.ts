import { parseAlertId } from '../../../../shared/domain/alert-id.ts';
import type { TimelineEvent } from '../../api/types.ts';
import {
  ALERT_RULE_NAMES,
  ALERT_STATUS_LABELS,
  APPOINTMENT_KIND_LABELS,
  APPOINTMENT_MODE_LABELS,
  APPOINTMENT_STATUS_LABELS,
  CLOSE_REASON_LABELS,
  labelFor,
  RELEASE_TYPE_LABELS,
} from '../../cases/labels.ts';
import type { PrisonNamer } from '../../cases/registers.ts';
import { formatDate, formatDateTime, readableDates } from '../../format/dates.ts';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * What a timeline event says, in the app's words: built from the event's details where the
 * app knows its kind, else the API's summary with its dates written out.
 */
export function timelineText(event: TimelineEvent, prisonName: PrisonNamer = (code) => code): string {
  const details = event.details ?? {};
  switch (event.kind) {
    case 'released': {
      const on = text(details.releasedOn);
      const type = text(details.releaseType);
      const code = text(details.establishment);
      const from = code && prisonName(code);
      if (!on) break;
      return `Released on ${formatDate(on)}${type ? ` (${labelFor(RELEASE_TYPE_LABELS, type).toLowerCase()})` : ''}${from ? ` from ${from}` : ''}`;
    }
    case 'appointment_booked': {
      const at = text(details.at);
      if (!at) break;
      const mode = text(details.mode);
      // The location is only in the summary, after the (space-free) ISO time, before the mode in words.
      const modeWords = mode ? ` (${mode.replaceAll('_', ' ')})` : '';
      let location = /booked for \S+ at (.+)$/.exec(event.summary)?.[1];
      if (location && modeWords && location.endsWith(modeWords))
        location = location.slice(0, -modeWords.length);
      const kind = labelFor(APPOINTMENT_KIND_LABELS, text(details.kind) ?? 'follow_up');
      return `${kind} booked${location ? ` at ${location}` : ''} for ${formatDateTime(at)}${mode ? ` (${labelFor(APPOINTMENT_MODE_LABELS, mode).toLowerCase()})` : ''}`;
    }
    case 'appointment_updated': {
      const to = text(details.to);
      const at = text(details.at);
      if (!to || !at) break;
      return to === 'rescheduled'
        ? `Appointment moved to ${formatDateTime(at)}`
        : `Appointment on ${formatDateTime(at)} marked ${labelFor(APPOINTMENT_STATUS_LABELS, to).toLowerCase()}`;
    }
    case 'engaged': {
      const on = text(details.startedOn);
      if (on) return `Treatment started on ${formatDate(on)}`;
      break;
    }
    case 'closed': {
      const on = text(details.closedOn);
      const reason = text(details.reason);
      if (on && reason)
        return `Case closed on ${formatDate(on)}: ${labelFor(CLOSE_REASON_LABELS, reason).toLowerCase()}`;
      break;
    }
    case 'offence_recorded': {
      const on = text(details.offendedOn);
      if (on) return `Further offence on ${formatDate(on)}`;
      break;
    }
    case 'alert_raised': {
      const rule = text(details.rule);
      if (rule && ALERT_RULE_NAMES[rule]) return `Alert: ${ALERT_RULE_NAMES[rule]}`;
      break;
    }
    case 'alert_updated': {
      const status = text(details.status);
      const rule = parseAlertId(text(details.alertId) ?? '')?.rule;
      if (!status || !rule || !ALERT_RULE_NAMES[rule]) break;
      // The note, if any, follows the new status in the API's summary.
      const note = event.summary.split(`${status}: `).slice(1).join(`${status}: `);
      // The service's own notes may name dates (e.g. the release that resolved it): written out too.
      return `Alert ${labelFor(ALERT_STATUS_LABELS, status).toLowerCase()}: ${ALERT_RULE_NAMES[rule]}${note ? `. Note: ${readableDates(note)}` : ''}`;
    }
  }
  return readableDates(event.summary);
}
