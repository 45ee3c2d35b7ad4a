import { CASE_CHANGE as CASE_CHANGE_OPS } from '../../functions/api/routes/common.ts';
import type { RouteDef, TableOp } from '../../shared/http/route-def.ts';

/**
 * A DynamoDB action as IAM names it. There is no `dynamodb:TransactWriteItems` permission: IAM
 * authorises each item of a transaction as the PutItem, UpdateItem, DeleteItem or
 * ConditionCheckItem it is, so a transaction of puts and an update needs PutItem and UpdateItem.
 */
export type TableAction = `dynamodb:${TableOp}`;

/** What one function does with the table: actions on its items, and the indexes it queries. */
export interface TableAccess {
  /** Actions on the table itself (its items, and Query on its own key). */
  table: readonly TableAction[];
  /** Indexes of shared/data/table-def.ts the function queries; each gets dynamodb:Query on that index only. */
  indexes: readonly string[];
}

const GET: TableAction = 'dynamodb:GetItem';
const BATCH_GET: TableAction = 'dynamodb:BatchGetItem';
const QUERY: TableAction = 'dynamodb:Query';
const PUT: TableAction = 'dynamodb:PutItem';
const UPDATE: TableAction = 'dynamodb:UpdateItem';
const DELETE: TableAction = 'dynamodb:DeleteItem';
const BATCH_WRITE: TableAction = 'dynamodb:BatchWriteItem';

/** Actions that only read: a function with nothing else gets the table key's decrypt permissions alone. */
export const READ_ACTIONS: readonly TableAction[] = [GET, BATCH_GET, QUERY];

/**
 * Every signed-in request reads the caller's membership (shared/auth/principal.ts, GetItem),
 * operators' included: a member calling an operator route must get 403, not an access error.
 */
export const MEMBER_LOOKUP: readonly TableAction[] = [GET];

/**
 * Routes marked `idempotent` keep their first response (shared/http/idempotency.ts): claim with
 * PutItem, replay with GetItem, complete with UpdateItem, release after a failure with DeleteItem.
 */
export const IDEMPOTENCY: readonly TableAction[] = [GET, PUT, UPDATE, DELETE];

const own = (table: readonly TableAction[], indexes: readonly string[] = []): TableAccess => ({
  table,
  indexes,
});

/** A case change, as the routes declare it (functions/api/routes/common.ts): the workers make them too. */
const CASE_CHANGE: readonly TableAction[] = CASE_CHANGE_OPS.map((op): TableAction => `dynamodb:${op}`);

/**
 * The functions run by schedules, bus rules and queues (`functions/<module>/handler.ts`), by
 * module. Only three read across tenants, each through one index: the sweep through DueIndex,
 * HMPPS ingestion through the prison-number partitions of GSI1, and the retention job through
 * the partnership list of GSI1.
 */
export const WORKER_TABLE_ACCESS: Readonly<Record<string, TableAccess>> = {
  // shared/alerts/sweep.ts: due entries from DueIndex, then per case raise-alerts (CASE_CHANGE)
  // and taking published alerts out of the outbox (UpdateItem).
  sweep: own(CASE_CHANGE, ['DueIndex']),
  // shared/alerts/notify.ts: the alert, case, mail record, area and members; claims the mail
  // record with PutItem and marks it with UpdateItem.
  notify: own([GET, QUERY, PUT, UPDATE]),
  // shared/imports/apply-import.ts: the import, its chunks (Query) and progress (UpdateItem);
  // each row adds a person and referral, or a referral, in a transaction of puts and an update.
  'import-worker': own([GET, QUERY, PUT, UPDATE]),
  // shared/imports/prisoner-released.ts: followers of a prison number on GSI1, then each case
  // changed like an API case action (commitCaseChange) with the event's marker.
  'hmpps-ingest': own(CASE_CHANGE, ['GSI1']),
  // shared/lifecycle/purge.ts: the partnerships and closed caseloads on GSI1, the areas and
  // keys under a case (Query), batch deletes, the person's referral list, the operator audit.
  retention: own([GET, QUERY, UPDATE, PUT, BATCH_WRITE], ['GSI1']),
};

/** Actions in a stable order, without repeats. */
function normalised(actions: Iterable<TableAction>): TableAction[] {
  return [...new Set(actions)].sort();
}

/**
 * The table access of a route: nothing for a public route; otherwise the membership read, the
 * idempotency records of an idempotent route, and what the route's `access` in
 * functions/api/routes/<feature>.ts declares its work does.
 */
export function routeTableAccess(route: RouteDef): TableAccess | undefined {
  if (route.roles === 'public') return undefined;
  const work = (route.access?.table ?? []).map((op): TableAction => `dynamodb:${op}`);
  return {
    table: normalised([...MEMBER_LOOKUP, ...(route.idempotent ? IDEMPOTENCY : []), ...work]),
    indexes: [...new Set(route.access?.indexes ?? [])].sort(),
  };
}

/** The union of several functions' table access: what one function serving all of them needs. */
export function unionTableAccess(accesses: readonly (TableAccess | undefined)[]): TableAccess | undefined {
  const present = accesses.filter((access): access is TableAccess => access !== undefined);
  if (present.length === 0) return undefined;
  return {
    table: normalised(present.flatMap((access) => access.table)),
    indexes: [...new Set(present.flatMap((access) => access.indexes))].sort(),
  };
}

/** The table access of a worker module; an unlisted module fails the synth. */
export function workerTableAccess(module: string): TableAccess {
  const access = WORKER_TABLE_ACCESS[module];
  if (!access) {
    throw new Error(
      `No table access is declared for functions/${module}: list the DynamoDB actions and indexes ` +
        'its handler uses in WORKER_TABLE_ACCESS of infra/aws/table-access.ts.',
    );
  }
  return { table: normalised(access.table), indexes: [...new Set(access.indexes)].sort() };
}

/** True when the access writes (and so needs the table key's encrypt permissions too). */
export function writes(access: TableAccess): boolean {
  return access.table.some((action) => !READ_ACTIONS.includes(action));
}
