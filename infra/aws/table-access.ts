import type { RouteDef } from '../../functions/api/route-types.ts';

/**
 * A DynamoDB action as IAM names it. There is no `dynamodb:TransactWriteItems` permission: IAM
 * authorises each item of a transaction as the PutItem, UpdateItem, DeleteItem or
 * ConditionCheckItem it is, so a transaction of puts and an update needs PutItem and UpdateItem.
 */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:BatchWriteItem'
  | 'dynamodb:ConditionCheckItem';

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

/** shared/data/audit-repo.ts `recordReads`: person-level reads write their audit records in batches. */
const AUDITED_READ: readonly TableAction[] = [BATCH_WRITE];

/**
 * functions/api/case-change.ts and shared/alerts/raise-alerts.ts: read the case (Query on the
 * referral's items) and the partnership's settings (GetItem), then one transaction that updates
 * the referral and puts its timeline event, audit record, appointment or alerts.
 */
const CASE_CHANGE: readonly TableAction[] = [QUERY, GET, UPDATE, PUT];

/** Reports: partnership settings (GetItem), the areas (Query) and the month cohorts on GSI2. */
const REPORT: TableAccess = { table: [GET, QUERY], indexes: ['GSI2'] };

const own = (table: readonly TableAction[], indexes: readonly string[] = []): TableAccess => ({
  table,
  indexes,
});

/**
 * What each signed-in route's handler itself does with the table, by operationId, read from
 * functions/api/handlers/<module>.ts and the shared/ code it calls. The membership read and the
 * idempotency records are added by routeTableAccess(), from the route's declaration.
 */
const ROUTE_WORK: Readonly<Record<string, TableAccess>> = {
  // meta: the partnership's name.
  getMe: own([GET]),
  // admin: the partnership and its first chair in one transaction of puts.
  createPartnership: own([PUT]),
  // The operator's list of partnerships is the one GSI1 partition `PARTNERSHIPS`.
  listPartnerships: own([], ['GSI1']),
  // The partnership, a page of its partition, and the operator audit record.
  exportPartnership: own([GET, QUERY, PUT]),
  // Members to sign out, then the partition deleted in batches, and the operator audit record.
  offboardPartnership: own([GET, QUERY, BATCH_WRITE, PUT]),
  listOperatorActions: own([QUERY]),
  getPartnership: own([GET]),
  updatePartnership: own([GET, UPDATE]),
  listAreas: own([QUERY]),
  // The area and its ONS-code lock, in one transaction of puts.
  createArea: own([PUT]),
  getArea: own([GET]),
  // A new ONS code moves its lock: update the area, delete the old lock, put the new one.
  updateArea: own([GET, UPDATE, DELETE, PUT]),
  listMembers: own([QUERY]),
  // The partnership's areas, the email lock, the partnership, then member and lock put together.
  createMember: own([QUERY, GET, PUT]),
  getMember: own([GET]),
  // The member, the chairs and areas (Query), then the versioned update.
  updateMember: own([GET, QUERY, UPDATE]),
  // The member and the chairs, then member and email lock deleted together.
  deleteMember: own([GET, QUERY, DELETE]),
  // Person, prison-number lock and audit record put together; a duplicate reads the holder.
  createPerson: own([PUT, GET]),
  // A prison number is a GetItem of its lock and the person; a name search queries GSI1.
  listPeople: own([GET, ...AUDITED_READ], ['GSI1']),
  getPerson: own([GET, ...AUDITED_READ]),
  // Update the person, move the prison-number lock (delete, put) and put the audit record.
  updatePerson: own([GET, UPDATE, DELETE, PUT]),
  // Person, assignee and settings, then the referral put with the person's list updated.
  createReferral: own([GET, PUT, UPDATE]),
  // The caseload of each area from GSI1, the people in one batch read, and the audit records.
  listReferrals: own([BATCH_GET, ...AUDITED_READ], ['GSI1']),
  getReferral: own([QUERY, GET, ...AUDITED_READ]),
  getTimeline: own([QUERY, ...AUDITED_READ]),
  recordRelease: own(CASE_CHANGE),
  createAppointment: own(CASE_CHANGE),
  // A missed first appointment also raises its alert at once (the same reads and writes).
  updateAppointment: own(CASE_CHANGE),
  recordEngagement: own(CASE_CHANGE),
  closeReferral: own(CASE_CHANGE),
  recordOffence: own(CASE_CHANGE),
  // The alerts of each area are one GSI1 partition.
  listAlerts: own([], ['GSI1']),
  getAlertCounts: own([], ['GSI1']),
  // The alert, then its update and timeline event in one transaction.
  acknowledgeAlert: own([GET, UPDATE, PUT]),
  resolveAlert: own([GET, UPDATE, PUT]),
  getContinuityReport: REPORT,
  getContinuityReportCsv: REPORT,
  getTimeToEngagement: REPORT,
  getEstablishmentReport: REPORT,
  getPathwayReport: REPORT,
  // The areas, then the checked rows in chunks (BatchWriteItem) and the import record.
  createReleaseImport: own([QUERY, BATCH_WRITE, PUT]),
  getReleaseTemplate: own([QUERY]),
  getReleaseImport: own([GET]),
  // The person (to check the area), then a page of their audit records.
  getAudit: own([GET, QUERY]),
};

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
 * The table access of a route's function: nothing for a public route; otherwise the membership
 * read, the idempotency records of an idempotent route, and what its handler does. A signed-in
 * route that is not listed fails the synth, so a new route cannot ship with a guess.
 */
export function routeTableAccess(route: RouteDef): TableAccess | undefined {
  if (route.roles === 'public') return undefined;
  const work = ROUTE_WORK[route.operationId];
  if (!work) {
    throw new Error(
      `No table access is declared for route ${route.operationId} (functions/api/handlers/${route.module}.ts): ` +
        'list the DynamoDB actions and indexes its handler uses in infra/aws/table-access.ts.',
    );
  }
  return {
    table: normalised([...MEMBER_LOOKUP, ...(route.idempotent ? IDEMPOTENCY : []), ...work.table]),
    indexes: [...new Set(work.indexes)].sort(),
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

/** The operationIds ROUTE_WORK lists, so a test can spot entries for routes that are gone. */
export const declaredRouteOperations = (): string[] => Object.keys(ROUTE_WORK);

/** True when the access writes (and so needs the table key's encrypt permissions too). */
export function writes(access: TableAccess): boolean {
  return access.table.some((action) => !READ_ACTIONS.includes(action));
}
