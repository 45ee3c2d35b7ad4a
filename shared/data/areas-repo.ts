import { Duplicate } from '../errors.ts';
import type { Area } from '../schemas/area.ts';
import { staleOrMissing } from './dynamo-errors.ts';
import { newId } from './ids.ts';
import { keys, tenantPartition } from './keys.ts';
import { type PageRequest, prefixQuery, queryAll, recordsPage } from './query-page.ts';
import { findRecord, getRecord, newItem, toRecord, updateRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import { deleteItem, putNew, transactWrite } from './table-io.ts';

export interface AreaFields {
  name: string;
  onsCode: string;
  alertEmails: string[];
}

const duplicateOnsCode = (onsCode: string) =>
  new Duplicate(`Another area of this partnership already has the ONS code ${onsCode}.`);

/** The lock that keeps an ONS code to one area of the partnership. */
const onsCodeLock = (tenantId: string, onsCode: string, areaId: string) =>
  putNew({ ...keys.areaOnsCodeLock(tenantId, onsCode), type: 'areaOnsCode', areaId });

/** Adds an area; its ONS code must be new to the partnership. */
export async function createArea(
  table: Table,
  tenantId: string,
  fields: AreaFields,
  now: Date,
): Promise<Area> {
  const id = newId(now);
  const item = newItem(keys.area(tenantId, id), 'area', { id, ...fields }, now);
  await transactWrite(table, [putNew(item), onsCodeLock(tenantId, fields.onsCode, id)], (failed) =>
    failed.includes(1) ? duplicateOnsCode(fields.onsCode) : undefined,
  );
  return toRecord<Area>(item);
}

/** Reads one area of the tenant, or undefined. */
export const findArea = (table: Table, tenantId: string, areaId: string): Promise<Area | undefined> =>
  findRecord<Area>(table, keys.area(tenantId, areaId));

/** Reads one area of the tenant; another tenant's id is NotFound. */
export const getArea = (table: Table, tenantId: string, areaId: string): Promise<Area> =>
  getRecord<Area>(table, keys.area(tenantId, areaId), 'area');

const areaQuery = (tenantId: string) => prefixQuery(tenantPartition(tenantId), keys.areaPrefix);

/** A page of the tenant's areas, oldest first. */
export const listAreas = (table: Table, tenantId: string, page: PageRequest) =>
  recordsPage<Area>(table, areaQuery(tenantId), page);

/** Every area id of the tenant (a partnership has a handful of local authorities). */
export async function areaIdsOf(table: Table, tenantId: string): Promise<Set<string>> {
  const items = await queryAll(table, { ...areaQuery(tenantId), ProjectionExpression: 'id' });
  return new Set(items.map((item) => String(item.id)));
}

/** Changes an area at `expectedVersion`, moving the ONS code lock when the code changes. */
export async function updateArea(
  table: Table,
  tenantId: string,
  areaId: string,
  expectedVersion: number,
  changes: Partial<AreaFields>,
  now: Date,
): Promise<Area> {
  const update = versionedUpdate(keys.area(tenantId, areaId), expectedVersion, changes, now);
  const current = changes.onsCode === undefined ? undefined : await getArea(table, tenantId, areaId);
  if (!current || current.onsCode === changes.onsCode) return updateRecord<Area>(table, update, 'area');
  const newCode = changes.onsCode as string;
  await transactWrite(
    table,
    [
      { Update: update },
      deleteItem(keys.areaOnsCodeLock(tenantId, current.onsCode)),
      onsCodeLock(tenantId, newCode, areaId),
    ],
    async (failed) => {
      if (failed.includes(0)) {
        // Re-read to tell a vanished area from a stale version.
        return staleOrMissing(await findRecord(table, keys.area(tenantId, areaId)), 'area');
      }
      return failed.includes(2) ? duplicateOnsCode(newCode) : undefined;
    },
  );
  return getArea(table, tenantId, areaId);
}
