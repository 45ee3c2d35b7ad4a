import { areaIdsOf } from '../data/areas-repo.ts';
import {
  allCustodySuites,
  type CustodySuiteFields,
  createCustodySuite,
  getCustodySuite,
  updateCustodySuite,
} from '../data/custody-suites-repo.ts';
import type { Table } from '../data/table.ts';
import { nameKey } from '../domain/name-key.ts';
import { Duplicate, ValidationFailed } from '../errors.ts';
import type { CustodySuite } from '../schemas/custody-suite.ts';

/** What a custody-suite change needs. */
export interface RegisterDeps {
  table: Table;
  clock: () => Date;
}

/** Refuses areas that are not the partnership's, naming the field. */
async function requireOwnAreas(table: Table, tenantId: string, areaIds: readonly string[]): Promise<void> {
  const known = await areaIdsOf(table, tenantId);
  const unknown = areaIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationFailed('A custody suite serves areas of this partnership only.', {
      areaIds: `must be areas of this partnership (GET /areas lists them); not ${unknown.join(', ')}`,
    });
  }
}

/** Refuses a name another suite of the partnership already has (compared as names are). */
async function requireNewName(table: Table, tenantId: string, name: string, except?: string): Promise<void> {
  const key = nameKey(name);
  const same = (await allCustodySuites(table, tenantId)).find(
    (suite) => suite.id !== except && nameKey(suite.name) === key,
  );
  if (same) throw new Duplicate(`This partnership already has a custody suite called ${same.name}.`, same.id);
}

/** `POST /custody-suites`: the chair adds a suite serving some of the partnership's areas. */
export async function addCustodySuite(
  deps: RegisterDeps,
  tenantId: string,
  fields: CustodySuiteFields,
): Promise<CustodySuite> {
  await requireOwnAreas(deps.table, tenantId, fields.areaIds);
  await requireNewName(deps.table, tenantId, fields.name);
  return createCustodySuite(deps.table, tenantId, fields, deps.clock());
}

/** `PATCH /custody-suites/{id}`: the chair renames a suite, or changes its force or areas. */
export async function changeCustodySuite(
  deps: RegisterDeps,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<CustodySuiteFields>,
): Promise<CustodySuite> {
  await getCustodySuite(deps.table, tenantId, id);
  if (changes.areaIds) await requireOwnAreas(deps.table, tenantId, changes.areaIds);
  if (changes.name) await requireNewName(deps.table, tenantId, changes.name, id);
  return updateCustodySuite(deps.table, tenantId, id, expectedVersion, changes, deps.clock());
}
