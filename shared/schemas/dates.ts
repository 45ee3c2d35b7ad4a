import { isCalendarDate } from '../domain/dates.ts';
import * as z from './zod.ts';

/** A calendar date `YYYY-MM-DD`. */
export const DateOnly = z
  .string()
  .check(z.refine(isCalendarDate, { message: 'must be a real date written YYYY-MM-DD, such as 2026-03-14' }));

/** An instant in ISO 8601 with an offset, such as 2026-03-14T10:30:00+00:00. */
export const DateTime = z.iso.datetime({
  offset: true,
  message: 'must be a date and time with an offset, such as 2026-03-14T10:30:00+00:00',
});
