import { nameKey } from '../domain/name-key.ts';
import { Duplicate, VersionConflict } from '../errors.ts';
import type { Person } from '../schemas/person.ts';
import { keys } from './keys.ts';
import { type PageRequest, queryAll, recordsPage } from './query-page.ts';
import { findRecord, getRecord, newItem, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import {
  changeItem,
  deleteItem,
  getItem,
  getMany,
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
  givenKey: nameKey(fields.givenName),
});

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

/** The writes that add a person (and claim their prison number); `extra` joins the transaction. */
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
    [putNew(item), ...(prisonNumber ? [prisonNumberLock(tenantId, prisonNumber, personId)] : []), ...extra],
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
 * Changes a person at `expectedVersion`, moving the prison-number claim and the name index
 * with the fields. `null` removes the prison or NHS number.
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
