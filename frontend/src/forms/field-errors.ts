import type * as z from '../../../shared/schemas/zod.ts';

/** One message for the error summary; `field` is the id of the input it links to, if any. */
export interface FieldError {
  field?: string;
  message: string;
  /**
   * A page to link the message to instead of the field (e.g. reload after a conflict, or the
   * record a duplicate clashes with); with `field` too, the field still shows the message.
   */
  href?: string;
}

/** The fields of one form, in page order, so errors can be linked and ordered. */
export interface FormSpec {
  fields: readonly { id: string; label: string }[];
  /** The field an error without field messages is about, by error code (e.g. `duplicate` → `email`). */
  codes?: Record<string, string>;
  /** Rewrites a message for a path, e.g. to name the bad line of a textarea. */
  describe?: (path: string, message: string) => string | undefined;
  /** API paths whose input has another id: a date's errors link to its day box (`dateOfBirth` → `dateOfBirth-day`). */
  aliases?: Record<string, string>;
}

/**
 * The id of the input for an API field path: dots become hyphens (`chair.email` →
 * `chair-email`); a path into a list (`alertEmails.1`, `areaIds.0`) belongs to the list's
 * one input, so trailing segments are dropped until a field of the form matches.
 */
export function fieldIdForPath(path: string, spec: FormSpec): string | undefined {
  const alias = spec.aliases?.[path];
  if (alias) return alias;
  const segments = path.split('.').filter(Boolean);
  for (let length = segments.length; length > 0; length -= 1) {
    const id = segments.slice(0, length).join('-');
    if (spec.fields.some((field) => field.id === id)) return id;
  }
  return undefined;
}

/** Turns `{path: message}` (the API's `error.fields`) into summary entries in field order. */
export function fieldErrors(messages: Record<string, string>, spec: FormSpec): FieldError[] {
  const order = (error: FieldError) => {
    const index = spec.fields.findIndex((field) => field.id === error.field);
    return index === -1 ? spec.fields.length : index;
  };
  const errors = Object.entries(messages).map(([path, message]): FieldError => {
    const field = fieldIdForPath(path, spec);
    const label = spec.fields.find((candidate) => candidate.id === field)?.label;
    const described = spec.describe?.(path, message);
    return { field, message: described ?? sentence(label, message) };
  });
  return errors.sort((a, b) => order(a) - order(b));
}

/** First message for each path of a failed zod parse, in the API's dotted-path form. */
export function zodMessages(error: z.core.$ZodError): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    messages[path] ??= issue.message;
  }
  return messages;
}

/** The message for one input, all its errors joined, or undefined when it has none. */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  const messages = errors.filter((error) => error.field === field).map((error) => error.message);
  return messages.length > 0 ? messages.join('. ') : undefined;
}

/** Makes "must be …" read as "ONS code must be …"; a message that is already a sentence stays. */
function sentence(label: string | undefined, message: string): string {
  const trimmed = message.trim();
  if (!label || /^[A-Z]/.test(trimmed)) return capitalise(trimmed);
  return `${label} ${trimmed}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
