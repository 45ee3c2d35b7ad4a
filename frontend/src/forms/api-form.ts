import { readableDates } from '../format/dates.ts';
import { dayFieldId } from './date-parts.ts';
import type { FieldError, FormSpec } from './field-errors.ts';
import { submitErrors } from './submit-errors.ts';

export interface FormField {
  /** The API's field path (`dateOfBirth`); dots become hyphens in the input's id. */
  path: string;
  label: string;
  /** A GOV.UK date input: its errors link to the day box (`dateOfBirth-day`). */
  date?: boolean;
}

/**
 * The spec of a form over an API body: field ids from the API paths (dots → hyphens), dates
 * linked to their day box, and the API's lower-case rule messages made into sentences.
 */
export function apiFormSpec(fields: readonly FormField[], codes?: Record<string, string>): FormSpec {
  const idOf = (field: FormField) =>
    field.date ? dayFieldId(field.path.replaceAll('.', '-')) : field.path.replaceAll('.', '-');
  return {
    fields: fields.map((field) => ({ id: idOf(field), label: field.label })),
    aliases: Object.fromEntries(
      fields.filter((field) => field.date).map((field) => [field.path, idOf(field)]),
    ),
    codes,
    describe: (_path, message) => {
      const trimmed = message.trim();
      // "must …" and "is …" read on from the field's label; other rule messages stand alone.
      if (/^(must|is|should|cannot)\b/.test(trimmed) || /^[A-Z]/.test(trimmed)) return undefined;
      return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
    },
  };
}

/** What to show when a save failed, with any ISO dates in the API's messages written out. */
export function readableSubmitErrors(error: unknown, spec: FormSpec): FieldError[] {
  return submitErrors(error, spec).map((entry) => ({ ...entry, message: readableDates(entry.message) }));
}

/** Orders errors found before sending as the fields appear on the page. */
export function inPageOrder(errors: FieldError[], spec: FormSpec): FieldError[] {
  const order = spec.fields.map((field) => field.id);
  const position = (error: FieldError) => {
    const index = order.indexOf(error.field ?? '');
    return index === -1 ? order.length : index;
  };
  return [...errors].sort((a, b) => position(a) - position(b));
}
