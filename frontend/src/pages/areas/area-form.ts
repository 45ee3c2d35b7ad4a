import { CreateAreaBody } from '../../../../shared/schemas/area.ts';
import type { Area, CreateAreaInput } from '../../api/types.ts';
import { type FieldError, type FormSpec, fieldErrors, zodMessages } from '../../forms/field-errors.ts';

/** What the chair types: alert emails one per line. */
export interface AreaFormValues {
  name: string;
  onsCode: string;
  alertEmails: string;
}

/** The addresses typed in the textarea, one per line, blank lines ignored. */
export function alertEmailLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Field ids and labels in page order. An error on `alertEmails.N` belongs to the one
 * textarea and names the address, since the chair cannot see list positions.
 */
export function areaFormSpec(addresses: readonly string[]): FormSpec {
  return {
    fields: [
      { id: 'name', label: 'Name' },
      { id: 'onsCode', label: 'ONS code' },
      { id: 'alertEmails', label: 'Alert emails' },
    ],
    codes: { duplicate: 'onsCode' },
    describe: (path, message) => {
      const match = /^alertEmails\.(\d+)$/.exec(path);
      const address = match ? addresses[Number(match[1])] : undefined;
      return address === undefined ? undefined : `Alert email “${address}” ${message}`;
    },
  };
}

/** The form's starting values from a stored area (or empty for a new one). */
export function areaFormValues(area?: Area): AreaFormValues {
  return {
    name: area?.name ?? '',
    onsCode: area?.onsCode ?? '',
    alertEmails: area?.alertEmails.join('\n') ?? '',
  };
}

/** Checks the typed values with the API's own schema and builds the body, or answers the errors. */
export function areaBody(
  values: AreaFormValues,
): { body: CreateAreaInput; errors?: undefined } | { errors: FieldError[] } {
  const addresses = alertEmailLines(values.alertEmails);
  const parsed = CreateAreaBody.safeParse({
    name: values.name,
    onsCode: values.onsCode,
    alertEmails: addresses,
  });
  if (parsed.success) return { body: parsed.data };
  const messages = zodMessages(parsed.error);
  if (values.name.trim() === '') messages.name = 'Enter the name of the area';
  if (values.onsCode.trim() === '') messages.onsCode = 'Enter the ONS code of the area';
  return { errors: fieldErrors(messages, areaFormSpec(addresses)) };
}
