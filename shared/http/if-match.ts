import { PreconditionRequired, ValidationFailed } from '../errors.ts';

/** The record version named by an `If-Match` header (`"3"`, `W/"3"` or `3`). */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw new PreconditionRequired();
  const match = header.trim().match(/^(?:W\/)?"?(\d{1,12})"?$/);
  if (!match?.[1]) {
    throw new ValidationFailed('If-Match must carry the ETag of the record you read.', {
      'If-Match': `must be the record's ETag, such as "3", got ${JSON.stringify(header.slice(0, 40))}`,
    });
  }
  return Number(match[1]);
}

/** The version an optional `If-Match` names, or undefined when none was sent. */
export const optionalIfMatch = (header: string | undefined): number | undefined =>
  header === undefined ? undefined : parseIfMatch(header);
