import { ApiError } from '../api/errors.ts';
import { type FieldError, type FormSpec, fieldErrors } from './field-errors.ts';

export const VERSION_CONFLICT_MESSAGE = 'This record was changed by someone else; reload to see the latest.';

/** What to show in the error summary when a save failed. */
export function submitErrors(error: unknown, spec: FormSpec): FieldError[] {
  if (!(error instanceof ApiError)) {
    return [{ message: 'Sorry, there is a problem with the service. Try again later.' }];
  }
  if (error.code === 'version_conflict') {
    return [{ message: VERSION_CONFLICT_MESSAGE, href: window.location.pathname }];
  }
  if (Object.keys(error.fields).length > 0) return fieldErrors(error.fields, spec);
  const field = spec.codes?.[error.code];
  if (field) return [{ field, message: error.message }];
  switch (error.status) {
    case 0:
      return [{ message: error.message }];
    case 403:
      return [{ message: 'You do not have permission to make this change.' }];
    case 404:
      return [{ message: 'This record no longer exists. It may have been removed by someone else.' }];
    case 429:
    case 503:
      return [
        { message: 'The service is busy or a part of it is down. Nothing was saved. Try again shortly.' },
      ];
    default:
      if (error.status >= 500)
        return [{ message: 'Sorry, there is a problem with the service. Try again later.' }];
      return [{ message: error.message }];
  }
}
