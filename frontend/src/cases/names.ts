import type { CaseRecord, Person, PersonSummary } from '../api/types.ts';

/** A person's name as staff read it: "Sam Patel". */
export function fullName(
  person: Pick<Person | PersonSummary, 'givenName' | 'familyName'> | undefined,
): string {
  return person ? `${person.givenName} ${person.familyName}` : 'Unknown person';
}

/** A case's person as its pages' captions name them: "Sam Patel, A1234BC". */
export function caseCaption(record: Pick<CaseRecord, 'person'>): string {
  return record.person?.prisonNumber
    ? `${fullName(record.person)}, ${record.person.prisonNumber}`
    : fullName(record.person);
}
