import type { SetExportKeyInput } from '../../api/types.ts';
import type { FieldError, FormSpec } from '../../forms/field-errors.ts';

/** The one field of the export key form; the API checks the key itself and names `publicKey`. */
export const EXPORT_KEY_FORM: FormSpec = {
  fields: [{ id: 'publicKey', label: 'Public key' }],
};

/**
 * Builds the `PUT /partnership/export-key` body, or answers the error of an empty field. The key's
 * format is left to the API (shared/export/age-recipient.ts), so there is one wording of it.
 */
export function exportKeyBody(
  publicKey: string,
): { body: SetExportKeyInput; errors?: undefined } | { errors: FieldError[] } {
  const trimmed = publicKey.trim();
  if (trimmed === '')
    return { errors: [{ field: 'publicKey', message: 'Enter the partnership’s public key' }] };
  return { body: { publicKey: trimmed } };
}
