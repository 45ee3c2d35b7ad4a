import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { mapBounded } from '../concurrency/pool.ts';
import { type Key, keys } from './keys.ts';
import type { Table } from './table.ts';

/** BatchGetItem's limit of keys a request. */
const BATCH = 100;
/**
 * Batch reads in flight at once: a file of 10,000 rows is 100 batches of prison-number locks,
 * which must finish well inside the API's 10 s timeout, yet without taking every connection.
 */
const PARALLEL = 8;

type Item = Record<string, unknown>;

/** What an import compares a row with: the few fields that say who a person is, and where. */
export interface PersonIdentity {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  areaId: string;
}

/**
 * Reads one batch of keys, resending with backoff what DynamoDB leaves unprocessed. Eventually
 * consistent, at half the cost: every key of a tenant shares one partition, whose read capacity
 * a 10,000-row file would otherwise use up, and a lock written a moment ago and missed here is
 * found by the import worker, which reads each row's holder again, strongly, before it writes.
 */
async function readBatch(
  table: Table,
  batch: readonly Key[],
  projection: { expression: string; names: Record<string, string> },
): Promise<Item[]> {
  const found: Item[] = [];
  let requested = [...batch];
  for (let attempt = 0; requested.length > 0; attempt++) {
    if (attempt > 6) throw new Error('DynamoDB kept batch reads unprocessed');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    const result = await table.db.send(
      new BatchGetCommand({
        RequestItems: {
          [table.name]: {
            Keys: requested,
            ProjectionExpression: projection.expression,
            ExpressionAttributeNames: projection.names,
          },
        },
      }),
    );
    found.push(...(result.Responses?.[table.name] ?? []));
    requested = (result.UnprocessedKeys?.[table.name]?.Keys ?? []) as Key[];
  }
  return found;
}

/** Reads items by key, a hundred a request and several requests at once; only the projected attributes. */
async function readMany(
  table: Table,
  itemKeys: readonly Key[],
  attributes: readonly string[],
): Promise<Item[]> {
  const batches: Key[][] = [];
  for (let start = 0; start < itemKeys.length; start += BATCH)
    batches.push(itemKeys.slice(start, start + BATCH));
  // Every attribute through a name placeholder: several (`id`, `name`) are DynamoDB reserved words.
  const projection = {
    expression: attributes.map((_, index) => `#a${index}`).join(', '),
    names: Object.fromEntries(attributes.map((attribute, index) => [`#a${index}`, attribute])),
  };
  const found = await mapBounded(batches, PARALLEL, (batch) => readBatch(table, batch, projection));
  return found.flat();
}

/**
 * The person holding each of these prison numbers in the tenant, by prison number (numbers
 * nobody holds are absent): read from the prison-number locks in batches, not one read a row.
 */
export async function holdersOfPrisonNumbers(
  table: Table,
  tenantId: string,
  prisonNumbers: readonly string[],
): Promise<Map<string, string>> {
  // A lock holds no prison number of its own: its sort key, as keys.ts builds it, says whose it is.
  const locks = new Map(
    prisonNumbers.map((prisonNumber) => [prisonNumber, keys.prisonNumberLock(tenantId, prisonNumber)]),
  );
  const numberBySortKey = new Map([...locks].map(([prisonNumber, key]) => [key.SK, prisonNumber]));
  const items = await readMany(table, [...locks.values()], ['SK', 'personId']);
  const holders = new Map<string, string>();
  for (const item of items) {
    const prisonNumber = numberBySortKey.get(String(item.SK));
    if (prisonNumber) holders.set(prisonNumber, String(item.personId));
  }
  return holders;
}

/** Who these people of the tenant are (name, date of birth, area), by id; ids of no one are absent. */
export async function identitiesOf(
  table: Table,
  tenantId: string,
  personIds: readonly string[],
): Promise<Map<string, PersonIdentity>> {
  const unique = [...new Set(personIds)];
  const items = await readMany(
    table,
    unique.map((personId) => keys.person(tenantId, personId)),
    ['id', 'givenName', 'familyName', 'dateOfBirth', 'areaId'],
  );
  return new Map(
    items.map((item) => [
      String(item.id),
      {
        id: String(item.id),
        givenName: String(item.givenName ?? ''),
        familyName: String(item.familyName ?? ''),
        dateOfBirth: String(item.dateOfBirth ?? ''),
        areaId: String(item.areaId ?? ''),
      },
    ]),
  );
}
