import { ApiError } from '../../api/errors.ts';
import type { Person } from '../../api/types.ts';
import type { FieldError } from '../../forms/field-errors.ts';

/** The id of the "This is a different person" checkbox, which the error summary links to. */
export const NOT_DUPLICATE_ID = 'notDuplicate';

/**
 * Someone who may be the person being added: their record when it is in the user's areas, or
 * their id alone when it is not (the API answers another area's person with 404).
 */
export interface Candidate {
  id: string;
  person?: Person;
}

/** The candidates' ids of a `409 possible_duplicate`, or undefined for any other outcome. */
export function possibleDuplicatesOf(error: unknown): readonly string[] | undefined {
  return error instanceof ApiError && error.code === 'possible_duplicate'
    ? (error.candidates ?? [])
    : undefined;
}

/** Reads each candidate's record; one outside the user's areas is kept by id, anything else fails. */
export async function loadCandidates(
  getPerson: (personId: string) => Promise<Person>,
  ids: readonly string[],
): Promise<Candidate[]> {
  return Promise.all(
    ids.map(async (id): Promise<Candidate> => {
      try {
        return { id, person: await getPerson(id) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { id };
        throw error;
      }
    }),
  );
}

/** Whether the candidates shown are exactly these ids: a confirmation covers only what was shown. */
export function sameCandidates(shown: readonly Candidate[], ids: readonly string[]): boolean {
  return shown.length === ids.length && shown.every((candidate) => ids.includes(candidate.id));
}

/**
 * The error summary's entry after a `possible_duplicate`, linking to the confirmation: when
 * candidates are first shown, when others have appeared since, or when the user sent the form
 * again without confirming.
 */
export function duplicateCheckError(why: 'found' | 'changed' | 'unconfirmed'): FieldError {
  const message = {
    found:
      'This person may already be recorded: check the people listed, and select “This is a different person” if they are none of them',
    changed: 'Someone else may also be this person: check the people listed again',
    unconfirmed: 'Select “This is a different person” if they are none of the people listed',
  }[why];
  return { field: NOT_DUPLICATE_ID, message };
}
