import { type DateParts, readDate } from '../../forms/date-parts.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { londonInstant, readTime } from '../../forms/london-time.ts';

/** How a date-and-time question names what it asks about, e.g. "the appointment". */
export interface WhenQuestion {
  /** The date input's label, e.g. "Date of the appointment". */
  label: string;
  /** What it is the date and time of, e.g. "the appointment". */
  of: string;
}

const APPOINTMENT: WhenQuestion = { label: 'Date of the appointment', of: 'the appointment' };

/**
 * A date and time typed in UK time, as the ISO instant with offset the API takes; or the
 * errors, the date's linked to `at-day` and the time's to `at-time`.
 */
export function readAppointmentTime(
  date: DateParts,
  time: string,
  question: WhenQuestion = APPOINTMENT,
): { at?: string; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const day = readDate(date, {
    id: 'at',
    label: question.label,
    emptyMessage: `Enter the date of ${question.of}`,
  });
  if (day.error) errors.push(day.error);
  const clock = readTime(time);
  if (time.trim() === '') errors.push({ field: 'at-time', message: `Enter the time of ${question.of}` });
  else if (!clock) {
    errors.push({ field: 'at-time', message: 'Time must be a real time, like 10:30 or 14:00' });
  }
  if (errors.length > 0 || !day.value || !clock) return { errors };
  return { at: londonInstant(day.value, clock), errors };
}
