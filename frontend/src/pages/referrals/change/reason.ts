import type { FieldError } from '../../../forms/field-errors.ts';

/** The longest reason the API keeps. */
const MAX_REASON = 500;

/** Reads the reason for a correction, which the API needs for a recorded fact (1–500 characters). */
export function readReason(typed: string): { value?: string; error?: FieldError } {
  const value = typed.trim();
  if (value === '') return { error: { field: 'reason', message: 'Enter why it is being corrected' } };
  if (value.length > MAX_REASON) {
    return { error: { field: 'reason', message: `Reason must be ${MAX_REASON} characters or fewer` } };
  }
  return { value };
}
