import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { nameKey } from '../domain/name-key.ts';
import { Duplicate, NotFound, VersionConflict } from '../errors.ts';
import type { Person } from '../schemas/person.ts';
import { failedConditions } from './dynamo-errors.ts';
import { keys } from './keys.ts';
import { type PageRequest, queryPage } from './query-page.ts';
import { newItem, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';

export type PersonFields = Omit<Person, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'referralIds'>;
type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

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
export const prisonNumberLock = (
  table: Table,
  tenantId: string,
  prisonNumber: string,
  personId: string,
): TransactItem => ({
  Put: {
    TableName: table.name,
    Item: {
      ...keys.prisonNumberLock(tenantId, prisonNumber),
      ...keys.prisonNumberFollowers(prisonNumber, tenantId),
      type: 'prisonNumber',
      tenantId,
      personId,
    },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

/** The person that already holds a prison number in the tenant, if any. */
export async function personIdByPrisonNumber(table: Table, tenantId: string, prisonNumber: string) {
  const result = await table.db.send(
    new GetCommand({
      TableName: table.name,
      Key: keys.prisonNumberLock(tenantId, prisonNumber),
      ConsistentRead: true,
    }),
  );
  return result.Item ? String(result.Item.personId) : undefined;
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
  const writes: TransactItem[] = [
    { Put: { TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
    ...(fields.prisonNumber ? [prisonNumberLock(table, tenantId, fields.prisonNumber, personId)] : []),
    ...extra,
  ];
  try {
    await table.db.send(new TransactWriteCommand({ TransactItems: writes }));
  } catch (error) {
    if (fields.prisonNumber && failedConditions(error)?.includes(1)) {
      throw await duplicatePrisonNumber(table, tenantId, fields.prisonNumber);
    }
    throw error;
  }
  return toRecord<Person>(item);
}

/** Reads a person of the tenant, or undefined. */
export async function findPerson(
  table: Table,
  tenantId: string,
  personId: string,
): Promise<Person | undefined> {
  const result = await table.db.send(
    new GetCommand({ TableName: table.name, Key: keys.person(tenantId, personId), ConsistentRead: true }),
  );
  return result.Item ? toRecord<Person>(result.Item) : undefined;
}

/** Reads a person; NotFound when not in the tenant. */
export async function getPerson(table: Table, tenantId: string, personId: string): Promise<Person> {
  const person = await findPerson(table, tenantId, personId);
  if (!person) throw new NotFound('person');
  return person;
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
  const writes: TransactItem[] = [{ Update: { TableName: table.name, ...update } }];
  const newNumber = changes.prisonNumber;
  const numberChanges = newNumber !== undefined && newNumber !== current.prisonNumber;
  if (numberChanges && current.prisonNumber) {
    writes.push({
      Delete: { TableName: table.name, Key: keys.prisonNumberLock(tenantId, current.prisonNumber) },
    });
  }
  const lockIndex = writes.length;
  if (numberChanges && newNumber) writes.push(prisonNumberLock(table, tenantId, newNumber, current.id));
  writes.push(...extra);
  try {
    await table.db.send(new TransactWriteCommand({ TransactItems: writes }));
  } catch (error) {
    const failed = failedConditions(error);
    if (failed?.includes(0)) {
      const latest = await getPerson(table, tenantId, current.id);
      if (latest.version !== expectedVersion) throw new VersionConflict(latest.version);
    }
    if (numberChanges && newNumber && failed?.includes(lockIndex)) {
      throw await duplicatePrisonNumber(table, tenantId, newNumber);
    }
    throw error;
  }
  return getPerson(table, tenantId, current.id);
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
  const result = await queryPage(
    table,
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
      ...(given
        ? {
            FilterExpression: 'begins_with(givenKey, :given)',
            ExpressionAttributeValues: {
              ':pk': keys.peopleOfArea(tenantId, areaId),
              ':prefix': family,
              ':given': given,
            },
          }
        : { ExpressionAttributeValues: { ':pk': keys.peopleOfArea(tenantId, areaId), ':prefix': family } }),
    },
    page,
  );
  return { items: result.items.map((item) => toRecord<Person>(item)), lastKey: result.lastKey };
}

/** Reads many people of the tenant at once (for caseload names). */
export async function getPeople(
  table: Table,
  tenantId: string,
  personIds: readonly string[],
): Promise<Map<string, Person>> {
  const found = new Map<string, Person>();
  const unique = [...new Set(personIds)];
  for (let start = 0; start < unique.length; start += 100) {
    let requested = unique.slice(start, start + 100).map((id) => keys.person(tenantId, id));
    for (let attempt = 0; requested.length > 0; attempt++) {
      if (attempt > 5) throw new Error('DynamoDB kept people reads unprocessed');
      const result = await table.db.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: requested } } }),
      );
      for (const item of result.Responses?.[table.name] ?? []) {
        const person = toRecord<Person>(item);
        found.set(person.id, person);
      }
      requested = (result.UnprocessedKeys?.[table.name]?.Keys ?? []) as typeof requested;
      if (requested.length) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
  return found;
}
