import type { Person, PersonSummary } from '../api/types.ts';

/** A person's name as staff read it: "Sam Patel". */
export function fullName(
  person: Pick<Person | PersonSummary, 'givenName' | 'familyName'> | undefined,
): string {
  return person ? `${person.givenName} ${person.familyName}` : 'Unknown person';
}
