import type { ReportCase } from '../reports/cohort.ts';
import { keys } from './keys.ts';
import { queryAll } from './query-page.ts';
import type { Table } from './table.ts';

const REPORT_FIELDS = [
  'id',
  'areaId',
  'pathway',
  'referredOn',
  'releasedOn',
  'engagedOn',
  'closedOn',
  'closeReason',
  'firstAppointmentAt',
  'establishment',
  'offences',
  'programmes',
  'custodySuiteId',
  'order',
  'assessedOn',
];

/**
 * The cases of the months asked for, from the cohort index: prison pathways by release month
 * (`RELEASED`), the others by referral month (`REFERRED`). A report reads only these months,
 * and with one area only that area's part of each month, never the whole table.
 */
export async function cohortCases(
  table: Table,
  tenantId: string,
  kind: 'RELEASED' | 'REFERRED',
  months: readonly string[],
  areaId?: string,
): Promise<ReportCase[]> {
  const names = Object.fromEntries(REPORT_FIELDS.map((field, index) => [`#p${index}`, field]));
  const pages = await Promise.all(
    months.map((month) =>
      queryAll(table, {
        IndexName: 'GSI2',
        KeyConditionExpression: areaId ? 'GSI2PK = :pk AND begins_with(GSI2SK, :area)' : 'GSI2PK = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.cohortPartition(tenantId, kind, month),
          ...(areaId ? { ':area': keys.cohortAreaPrefix(areaId) } : {}),
        },
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
      }),
    ),
  );
  return pages.flat().map((item) => ({ offences: [], programmes: [], ...item }) as unknown as ReportCase);
}
