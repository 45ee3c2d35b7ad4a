import type { CustodySuite } from '../schemas/custody-suite.ts';
import { newId } from './ids.ts';
import { keys, tenantPartition } from './keys.ts';
import { type PageRequest, prefixQuery, queryAll, recordsPage } from './query-page.ts';
import { findRecord, getRecord, newItem, toRecord, updateRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import { getMany, putOne } from './table-io.ts';

export interface CustodySuiteFields {
  name: string;
  policeForce: string;
  areaIds: string[];
}

/** Adds a custody suite to the partnership's register. */
export async function createCustodySuite(
  table: Table,
  tenantId: string,
  fields: CustodySuiteFields,
  now: Date,
): Promise<CustodySuite> {
  const id = newId(now);
  const item = newItem(keys.custodySuite(tenantId, id), 'custodySuite', { id, ...fields }, now);
  await putOne(table, item, { ConditionExpression: 'attribute_not_exists(PK)' });
  return toRecord<CustodySuite>(item);
}

/** One custody suite of the tenant, or undefined. */
export const findCustodySuite = (
  table: Table,
  tenantId: string,
  id: string,
): Promise<CustodySuite | undefined> => findRecord<CustodySuite>(table, keys.custodySuite(tenantId, id));

/** One custody suite of the tenant; another tenant's id is NotFound. */
export const getCustodySuite = (table: Table, tenantId: string, id: string): Promise<CustodySuite> =>
  getRecord<CustodySuite>(table, keys.custodySuite(tenantId, id), 'custody suite');

const suiteQuery = (tenantId: string) => prefixQuery(tenantPartition(tenantId), keys.custodySuitePrefix);

/** A page of the tenant's custody suites, oldest first. */
export const listCustodySuites = (table: Table, tenantId: string, page: PageRequest) =>
  recordsPage<CustodySuite>(table, suiteQuery(tenantId), page);

/** Every custody suite of the tenant (a partnership works in a handful). */
export async function allCustodySuites(table: Table, tenantId: string): Promise<CustodySuite[]> {
  return (await queryAll(table, suiteQuery(tenantId))).map((item) => toRecord<CustodySuite>(item));
}

/** The named custody suites of the tenant, by id; ids not found are left out. */
export async function custodySuitesById(
  table: Table,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, CustodySuite>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const items = await getMany(
    table,
    unique.map((id) => keys.custodySuite(tenantId, id)),
  );
  return new Map(items.map((item) => [String(item.id), toRecord<CustodySuite>(item)]));
}

/** Changes a custody suite at `expectedVersion`. */
export const updateCustodySuite = (
  table: Table,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<CustodySuiteFields>,
  now: Date,
): Promise<CustodySuite> =>
  updateRecord<CustodySuite>(
    table,
    versionedUpdate(keys.custodySuite(tenantId, id), expectedVersion, changes, now),
    'custody suite',
  );
