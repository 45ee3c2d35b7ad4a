import { CreatePartnershipBody } from '../../../../shared/schemas/partnership.ts';
import type { CreatePartnershipInput } from '../../api/types.ts';
import { type FieldError, type FormSpec, fieldErrors, zodMessages } from '../../forms/field-errors.ts';

export interface NewPartnershipValues {
  name: string;
  chairName: string;
  chairEmail: string;
}

/** Field ids and labels in page order; `chair.email` is the input `chair-email`. */
export const NEW_PARTNERSHIP_FORM: FormSpec = {
  fields: [
    { id: 'name', label: 'Partnership name' },
    { id: 'chair-name', label: 'Chair’s name' },
    { id: 'chair-email', label: 'Chair’s email address' },
  ],
};

/** Checks the typed values and builds the `POST /admin/partnerships` body, or answers the errors. */
export function newPartnershipBody(
  values: NewPartnershipValues,
): { body: CreatePartnershipInput; errors?: undefined } | { errors: FieldError[] } {
  const parsed = CreatePartnershipBody.safeParse({
    name: values.name,
    chair: { name: values.chairName, email: values.chairEmail },
  });
  if (parsed.success) return { body: parsed.data };
  const messages = zodMessages(parsed.error);
  if (values.name.trim() === '') messages.name = 'Enter the partnership’s name';
  if (values.chairName.trim() === '') messages['chair.name'] = 'Enter the chair’s name';
  if (values.chairEmail.trim() === '') messages['chair.email'] = 'Enter the chair’s email address';
  return { errors: fieldErrors(messages, NEW_PARTNERSHIP_FORM) };
}
