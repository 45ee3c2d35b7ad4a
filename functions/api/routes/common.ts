import type { RouteAccess, TableOp } from '../../../shared/http/route-def.ts';

/** Person-level records: provider staff only (DESIGN.md §2); chairs and analysts see aggregates. */
export const CASE_STAFF = ['caseworker', 'manager'] as const;

/** Aggregated reports: no person-level data, small numbers hidden for chairs and analysts. */
export const REPORT_READERS = ['chair', 'manager', 'analyst'] as const;

/** shared/data/audit-repo.ts `recordReads`: person-level reads write their audit records in batches. */
export const AUDITED_READ = ['BatchWriteItem'] as const satisfies readonly TableOp[];

/**
 * A case change (shared/cases and shared/alerts/raise-alerts.ts): read the case (Query on the
 * referral's items) and the partnership's settings (GetItem), then one transaction that
 * updates the referral and puts its timeline event, audit record, appointment or alerts.
 */
export const CASE_CHANGE = [
  'Query',
  'GetItem',
  'UpdateItem',
  'PutItem',
] as const satisfies readonly TableOp[];

/** Reports: partnership settings (GetItem), the areas (Query) and the month cohorts on GSI2. */
export const REPORT = { table: ['GetItem', 'Query'], indexes: ['GSI2'] } as const satisfies RouteAccess;
