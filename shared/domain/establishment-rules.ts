import { ValidationFailed } from '../errors.ts';
import { findEstablishment } from '../reference/establishments.ts';

/** What is wrong with a prison as typed (a code or a name), if anything: it must be in the register. */
export function establishmentProblem(text: string | undefined): string | undefined {
  return text !== undefined && !findEstablishment(text)
    ? `is not a prison of England and Wales in the register: give its code (like HEI) or its name (like HMP Hewell); GET /establishments lists them, got "${text}"`
    : undefined;
}

/** The register's code of a prison typed as a code or a name; refuses one not in the register. */
export function establishmentCode(field: string, text: string): string {
  const found = findEstablishment(text);
  if (!found) {
    const problem = establishmentProblem(text) as string;
    throw new ValidationFailed('No prison in the register by that code or name.', { [field]: problem });
  }
  return found.code;
}
