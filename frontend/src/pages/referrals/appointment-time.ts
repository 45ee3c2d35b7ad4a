import { type DateParts, readDate } from '../../forms/date-parts.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { londonInstant, readTime } from '../../forms/london-time.ts';

/**
 * An appointment's date and time typed in UK time, as the ISO instant with offset the API
 * takes; or the errors, the date's linked to `at-day` and the time's to `at-time`.
 */
export function readAppointmentTime(date: DateParts, time: string): { at?: string; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const day = readDate(date, {
    id: 'at',
    label: 'Date of the appointment',
    emptyMessage: 'Enter the date of the appointment',
  });
  if (day.error) errors.push(day.error);
  const clock = readTime(time);
  if (time.trim() === '') errors.push({ field: 'at-time', message: 'Enter the time of the appointment' });
  else if (!clock) {
    errors.push({ field: 'at-time', message: 'Time must be a real time, like 10:30 or 14:00' });
  }
  if (errors.length > 0 || !day.value || !clock) return { errors };
  return { at: londonInstant(day.value, clock), errors };
}
