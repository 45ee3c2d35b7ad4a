import type { FieldError } from './field-errors.ts';

/** What is typed into a GOV.UK date input: three boxes, kept as text. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** The boxes of a stored date (`2026-03-14` → 14, 3, 2026), for a change form. */
export function datePartsOf(date: string | undefined): DateParts {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return { ...EMPTY_DATE };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] as string };
}

/** The input id that an error about a date links to: its day box (GOV.UK's convention). */
export const dayFieldId = (fieldId: string): string => `${fieldId}-day`;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month typed as a number or a name ("3", "03", "Mar", "March"). */
function monthNumber(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
  const index = MONTHS.findIndex((name) => trimmed.length >= 3 && name.startsWith(trimmed));
  return index === -1 ? undefined : index + 1;
}

export interface DateQuestion {
  /** The id of the date input; its boxes are `{id}-day`, `{id}-month`, `{id}-year`. */
  id: string;
  /** The question in a sentence, e.g. "Date of birth" or "The release date". */
  label: string;
  /** Shown when nothing was typed, e.g. "Enter the date of birth". */
  emptyMessage: string;
}

/**
 * Reads a typed date as `YYYY-MM-DD`, or answers the GOV.UK message for what is wrong with
 * it (linked to the day box). Empty is an error only when `required`.
 */
export function readDate(
  parts: DateParts,
  question: DateQuestion,
  required = true,
): { value?: string; error?: FieldError } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const field = dayFieldId(question.id);
  if (!day && !month && !year) {
    return required ? { error: { field, message: question.emptyMessage } } : {};
  }
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(Boolean);
  if (missing.length > 0) {
    return { error: { field, message: `${question.label} must include ${missing.join(' and ')}` } };
  }
  if (!/^\d{4}$/.test(year)) return { error: { field, message: 'Year must include 4 numbers' } };
  const monthValue = monthNumber(month);
  const dayValue = /^\d{1,2}$/.test(day) ? Number(day) : undefined;
  if (monthValue === undefined || dayValue === undefined) {
    return { error: { field, message: `${question.label} must be a real date` } };
  }
  const iso = `${year}-${String(monthValue).padStart(2, '0')}-${String(dayValue).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    return { error: { field, message: `${question.label} must be a real date` } };
  }
  return { value: iso };
}
