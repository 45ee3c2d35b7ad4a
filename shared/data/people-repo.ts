import { familyNameKey, nameKey } from '../domain/name-key.ts';
import { Duplicate, VersionConflict } from '../errors.ts';
import type { Person } from '../schemas/person.ts';
import { type Key, keys, tenantPartition } from './keys.ts';
import { summaryWrites } from './person-summary.ts';
import { type PageRequest, prefixQuery, queryAll, recordsPage } from './query-page.ts';
import { findRecord, getRecord, newItem, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import {
  changeItem,
  deleteItem,
  getItem,
  getMany,
  putItem,
  putNew,
  type TransactItem,
  transactWrite,
} from './table-io.ts';

export type PersonFields = Omit<Person, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'referralIds'>;

/**
 * Index keys that let search find a person by area and family name, and the given-name key a
 * search filters on (an index's own key attributes cannot be filtered on).
 */
const nameIndex = (
  tenantId: string,
  personId: string,
  fields: Pick<PersonFields, 'areaId' | 'familyName' | 'givenName'>,
) => ({
  ...keys.personByName(
    tenantId,
    fields.areaId,
    nameKey(fields.familyName) || '-',
    nameKey(fields.givenName) || '-',
    personId,
  ),
  ...keys.personByGivenName(
    tenantId,
    fields.areaId,
    nameKey(fields.givenName) || '-',
    nameKey(fields.familyName) || '-',
    personId,
  ),
  givenKey: nameKey(fields.givenName),
});

/** What the possible-duplicate check compares: the NHS number, and date of birth with family name. */
export type DuplicateFields = Pick<PersonFields, 'dateOfBirth' | 'familyName'> & {
  nhsNumber?: string | null;
};

/**
 * The keys of a person's lookup items, which let the possible-duplicate check find them by a
 * prefix query rather than by reading every person. A family name without a letter has none:
 * it says nothing about who the person is.
 */
function lookupKeys(tenantId: string, personId: string, fields: DuplicateFields): Key[] {
  const familyKey = familyNameKey(fields.familyName);
  return [
    ...(fields.nhsNumber ? [keys.personByNhsNumber(tenantId, fields.nhsNumber, personId)] : []),
    ...(familyKey ? [keys.personByBirthAndName(tenantId, fields.dateOfBirth, familyKey, personId)] : []),
  ];
}

/** Lookup items hold only the person's id; the key itself is what is looked up. */
const lookupPut = (key: Key, personId: string): TransactItem =>
  putItem({ ...key, type: 'personLookup', personId });

/**
 * The people of the tenant, in every area, with the same NHS number, or the same date of birth
 * and family name (letters only, any case or accents): ids only, oldest first. Two prefix
 * queries of the lookup items, never a scan.
 */
export async function possibleDuplicatesOf(
  table: Table,
  tenantId: string,
  fields: DuplicateFields,
): Promise<string[]> {
  const familyKey = familyNameKey(fields.familyName);
  const prefixes = [
    ...(fields.nhsNumber ? [keys.personByNhsNumberPrefix(fields.nhsNumber)] : []),
    ...(familyKey ? [keys.personByBirthAndNamePrefix(fields.dateOfBirth, familyKey)] : []),
  ];
  const found = await Promise.all(
    prefixes.map((prefix) =>
      queryAll(table, {
        ...prefixQuery(tenantPartition(tenantId), prefix),
        ProjectionExpression: 'personId',
        // A person added a moment ago (a second tab, a colleague) must be seen.
        ConsistentRead: true,
      }),
    ),
  );
  return [...new Set(found.flat().map((item) => String(item.personId)))].sort();
}

/**
 * Every item that is a person's own and goes when they do: the record, the prison-number claim
 * and the lookup items (the retention purge deletes them all; the audit trail is its own).
 */
export function personItemKeys(tenantId: string, person: Person): Key[] {
  return [
    keys.person(tenantId, person.id),
    ...(person.prisonNumber ? [keys.prisonNumberLock(tenantId, person.prisonNumber)] : []),
    ...lookupKeys(tenantId, person.id, person),
  ];
}

/** The write that claims a prison number for a person (fails if another holds it). */
export const prisonNumberLock = (tenantId: string, prisonNumber: string, personId: string): TransactItem =>
  putNew({
    ...keys.prisonNumberLock(tenantId, prisonNumber),
    ...keys.prisonNumberFollowers(prisonNumber, tenantId),
    type: 'prisonNumber',
    tenantId,
    personId,
  });

/** The person that already holds a prison number in the tenant, if any. */
export async function personIdByPrisonNumber(table: Table, tenantId: string, prisonNumber: string) {
  const lock = await getItem(table, keys.prisonNumberLock(tenantId, prisonNumber));
  return lock ? String(lock.personId) : undefined;
}

async function duplicatePrisonNumber(table: Table, tenantId: string, prisonNumber: string) {
  const existing = await personIdByPrisonNumber(table, tenantId, prisonNumber);
  return new Duplicate(
    `A person with prison number ${prisonNumber} already exists (id ${existing}).`,
    existing,
  );
}

/** Throws the prison number's `Duplicate` (naming its holder) when a person of the tenant holds it. */
export async function requirePrisonNumberFree(table: Table, tenantId: string, prisonNumber: string) {
  if (await personIdByPrisonNumber(table, tenantId, prisonNumber)) {
    throw await duplicatePrisonNumber(table, tenantId, prisonNumber);
  }
}

/**
 * The writes that add a person (and claim their prison number, and put their lookup items);
 * `extra` joins the transaction.
 */
export async function createPerson(
  table: Table,
  tenantId: string,
  personId: string,
  fields: PersonFields,
  now: Date,
  extra: TransactItem[] = [],
  /** Referrals written in the same transaction (an import adds a person with their referral). */
  referralIds: string[] = [],
): Promise<Person> {
  const item = {
    ...newItem(keys.person(tenantId, personId), 'person', { id: personId, ...fields, referralIds }, now),
    ...nameIndex(tenantId, personId, fields),
  };
  const { prisonNumber } = fields;
  await transactWrite(
    table,
    [
      putNew(item),
      ...(prisonNumber ? [prisonNumberLock(tenantId, prisonNumber, personId)] : []),
      ...lookupKeys(tenantId, personId, fields).map((key) => lookupPut(key, personId)),
      ...extra,
    ],
    (failed) =>
      prisonNumber && failed.includes(1) ? duplicatePrisonNumber(table, tenantId, prisonNumber) : undefined,
  );
  return toRecord<Person>(item);
}

/** Reads a person of the tenant, or undefined. */
export async function findPerson(
  table: Table,
  tenantId: string,
  personId: string,
): Promise<Person | undefined> {
  return findRecord<Person>(table, keys.person(tenantId, personId));
}

/** Reads a person; NotFound when not in the tenant. */
export async function getPerson(table: Table, tenantId: string, personId: string): Promise<Person> {
  return getRecord<Person>(table, keys.person(tenantId, personId), 'person');
}

/**
 * Changes a person at `expectedVersion`, moving the prison-number claim, the name index and the
 * lookup items with the fields. `null` removes the prison or NHS number.
 */
export async function updatePerson(
  table: Table,
  tenantId: string,
  current: Person,
  expectedVersion: number,
  changes: Partial<{ [K in keyof PersonFields]: PersonFields[K] | null }>,
  now: Date,
  extra: TransactItem[] = [],
): Promise<Person> {
  const merged = { ...current, ...changes };
  const index = nameIndex(tenantId, current.id, {
    areaId: merged.areaId as string,
    familyName: merged.familyName as string,
    givenName: merged.givenName as string,
  });
  const update = versionedUpdate(
    keys.person(tenantId, current.id),
    expectedVersion,
    { ...changes, ...index },
    now,
  );
  const writes: TransactItem[] = [{ Update: update }];
  const newNumber = changes.prisonNumber;
  const numberChanges = newNumber !== undefined && newNumber !== current.prisonNumber;
  if (numberChanges && current.prisonNumber) {
    writes.push(deleteItem(keys.prisonNumberLock(tenantId, current.prisonNumber)));
  }
  const lockIndex = writes.length;
  if (numberChanges && newNumber) writes.push(prisonNumberLock(tenantId, newNumber, current.id));
  // Every lookup item is put again, so a person stored before they existed gains them on any change.
  const lookups = lookupKeys(tenantId, current.id, merged as DuplicateFields);
  const stale = lookupKeys(tenantId, current.id, current).filter(
    (old) => !lookups.some((key) => key.SK === old.SK),
  );
  writes.push(...stale.map((key) => deleteItem(key)));
  writes.push(...lookups.map((key) => lookupPut(key, current.id)));
  // The person's referrals keep a copy of who they are, for the lists.
  const named = (['givenName', 'familyName', 'dateOfBirth', 'prisonNumber'] as const).some(
    (field) => changes[field] !== undefined,
  );
  if (named) writes.push(...summaryWrites(tenantId, merged as Person, current.referralIds));
  writes.push(...extra);
  await transactWrite(table, writes, async (failed) => {
    if (failed.includes(0)) {
      const latest = await getPerson(table, tenantId, current.id);
      if (latest.version !== expectedVersion) return new VersionConflict(latest.version);
    }
    if (numberChanges && newNumber && failed.includes(lockIndex)) {
      return duplicatePrisonNumber(table, tenantId, newNumber);
    }
    return undefined;
  });
  return getPerson(table, tenantId, current.id);
}

/** Keeps only these of a person's referrals: the retention purge forgets a purged case. */
export async function setReferralsOf(
  table: Table,
  tenantId: string,
  personId: string,
  referralIds: readonly string[],
): Promise<void> {
  await changeItem(table, keys.person(tenantId, personId), { set: { referralIds: [...referralIds] } });
}

/**
 * People of one area whose family name starts with `family` (and given name with `given`),
 * by name: an index query, never a scan.
 */
export async function searchPeopleInArea(
  table: Table,
  tenantId: string,
  areaId: string,
  family: string,
  given: string | undefined,
  page: PageRequest,
) {
  const pk = keys.peopleOfArea(tenantId, areaId);
  return recordsPage<Person>(
    table,
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
      ...(given
        ? {
            FilterExpression: 'begins_with(givenKey, :given)',
            ExpressionAttributeValues: { ':pk': pk, ':prefix': family, ':given': given },
          }
        : { ExpressionAttributeValues: { ':pk': pk, ':prefix': family } }),
    },
    page,
  );
}

/**
 * A page of the people of an area whose given name starts with `given`, leaving out those whose
 * family name starts with it too (a one-word search finds those by family name already).
 */
export async function searchPeopleByGivenName(
  table: Table,
  tenantId: string,
  areaId: string,
  given: string,
  page: PageRequest,
) {
  return recordsPage<Person>(
    table,
    {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)',
      FilterExpression: 'NOT begins_with(GSI1SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.peopleOfAreaByGivenName(tenantId, areaId), ':prefix': given },
    },
    page,
  );
}

/** The people of the tenant with this NHS number (digits only), from its lookup items. */
export async function peopleByNhsNumber(
  table: Table,
  tenantId: string,
  nhsNumber: string,
): Promise<string[]> {
  const items = await queryAll(table, {
    ...prefixQuery(tenantPartition(tenantId), keys.personByNhsNumberPrefix(nhsNumber)),
    ProjectionExpression: 'personId',
  });
  return [...new Set(items.map((item) => String(item.personId)))];
}

/** The cases (and their people) of a case reference, from its lookup items. */
export async function casesByReference(
  table: Table,
  tenantId: string,
  reference: string,
): Promise<{ referralId: string; personId: string }[]> {
  const items = await queryAll(table, {
    ...prefixQuery(tenantPartition(tenantId), keys.caseReferencePrefix(reference)),
    ProjectionExpression: 'referralId, personId',
  });
  return items.map((item) => ({ referralId: String(item.referralId), personId: String(item.personId) }));
}

/** Reads many people of the tenant at once (for caseload names). */
export async function getPeople(
  table: Table,
  tenantId: string,
  personIds: readonly string[],
): Promise<Map<string, Person>> {
  const unique = [...new Set(personIds)];
  const items = await getMany(
    table,
    unique.map((id) => keys.person(tenantId, id)),
  );
  return new Map(items.map((item) => toRecord<Person>(item)).map((person) => [person.id, person]));
}

/**
 * Every partnership that follows a prison number, and its person there: the one read across
 * tenants on the prison-number locks' index, by the HMPPS event ingestion only.
 */
export async function followersOf(
  table: Table,
  prisonNumber: string,
): Promise<{ tenantId: string; personId: string }[]> {
  const items = await queryAll(table, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.followersPartition(prisonNumber) },
  });
  return items.map((item) => ({ tenantId: String(item.tenantId), personId: String(item.personId) }));
}
