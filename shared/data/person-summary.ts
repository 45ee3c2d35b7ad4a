import type { Person } from '../schemas/person.ts';
import { keys } from './keys.ts';
import type { TransactItem } from './table-io.ts';
import { updateItem } from './table-io.ts';

/**
 * The copy of a person's name, date of birth and prison number each of their referrals keeps
 * (attribute `personSummary`), so that a page of the caseload or the worklist names its people
 * without reading them: kept in step by every change of the person, in the same transaction.
 */
export interface StoredPersonSummary {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  prisonNumber?: string;
}

/** The summary a referral keeps of its person. */
export const storedSummaryOf = (
  person: Pick<Person, 'id' | 'givenName' | 'familyName' | 'dateOfBirth'> & { prisonNumber?: string | null },
): StoredPersonSummary => ({
  id: person.id,
  givenName: person.givenName,
  familyName: person.familyName,
  dateOfBirth: person.dateOfBirth,
  ...(person.prisonNumber ? { prisonNumber: person.prisonNumber } : {}),
});

/** The writes that give each of a person's referrals the person's summary as it now is. */
export const summaryWrites = (
  tenantId: string,
  person: Parameters<typeof storedSummaryOf>[0],
  referralIds: readonly string[],
): TransactItem[] =>
  referralIds.map((referralId) =>
    updateItem(
      keys.referral(tenantId, referralId),
      { set: { personSummary: storedSummaryOf(person) } },
      { ConditionExpression: 'attribute_exists(PK)' },
    ),
  );
