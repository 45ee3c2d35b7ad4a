import type { Clock } from '../adapters/ports.ts';
import { memberOf, type Principal } from '../auth/principal.ts';
import { toCsv } from '../csv/write-csv.ts';
import { listAreas } from '../data/areas-repo.ts';
import { cohortCases } from '../data/cohort-repo.ts';
import { allCustodySuites } from '../data/custody-suites-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import type { Table } from '../data/table.ts';
import type { ReportCase } from './cohort.ts';
import {
  byEstablishment,
  bySuite,
  continuityRows,
  pathwayOutcomes,
  timeToEngagement,
} from './continuity-report.ts';
import { type ResolvedScope, reportScope } from './report-scope.ts';

export interface ReportDeps {
  table: Table;
  clock: Clock;
}

/** What a report is asked for: the months and, optionally, one area. */
export interface ReportAsked {
  from?: string;
  to?: string;
  areaId?: string;
  /** Only referrals tagged with this programme. */
  programme?: string;
  /** Only referrals from this custody suite. */
  custodySuiteId?: string;
}

/**
 * The scope of a report for this caller and the cases of one cohort over its months: prison
 * pathways by release month (`RELEASED`), the others by referral month. Index queries by month only.
 */
async function cohort(deps: ReportDeps, principal: Principal, asked: ReportAsked) {
  const partnership = await getPartnership(deps.table, memberOf(principal).tenantId);
  const scope = await reportScope(deps.table, principal, asked, partnership.settings, deps.clock());
  const casesOf = async (kind: 'RELEASED' | 'REFERRED'): Promise<ReportCase[]> =>
    (await cohortCases(deps.table, scope.tenantId, kind, scope.months, scope.areaId)).filter(
      (c) =>
        scope.areaIds.includes(c.areaId) &&
        (!asked.programme || c.programmes.includes(asked.programme)) &&
        (!asked.custodySuiteId || c.custodySuiteId === asked.custodySuiteId),
    );
  const windowDays = partnership.settings.engagementWindowDays;
  return { settings: partnership.settings, scope, windowDays, casesOf };
}

/** The period and suppression every report states. */
const heading = (scope: ResolvedScope) => ({ from: scope.from, to: scope.to, suppressed: scope.suppress });

/** The continuity-of-care report and the tenant it is of. */
async function continuity(deps: ReportDeps, principal: Principal, asked: ReportAsked) {
  const { settings, scope, windowDays, casesOf } = await cohort(deps, principal, asked);
  const cases = await casesOf('RELEASED');
  const report = {
    windowDays,
    target: settings.targetRate,
    ...heading(scope),
    rows: continuityRows(cases, { ...scope, windowDays, withTotals: !scope.areaId }),
  };
  return { tenantId: scope.tenantId, report };
}

/** `GET /reports/continuity-of-care`: the rate per release month and area against the target. */
export async function continuityReport(deps: ReportDeps, principal: Principal, asked: ReportAsked) {
  return (await continuity(deps, principal, asked)).report;
}

/** The continuity-of-care report as CSV rows, with each area's name and ONS code. */
export async function continuityCsv(deps: ReportDeps, principal: Principal, asked: ReportAsked) {
  const { tenantId, report } = await continuity(deps, principal, asked);
  const names = new Map(
    (await listAreas(deps.table, tenantId, { limit: 200 })).items.map((area) => [
      area.id,
      `${area.name} (${area.onsCode})`,
    ]),
  );
  const content = toCsv(
    [
      'month',
      'area_id',
      'area',
      'cohort',
      'engaged',
      'pending',
      'exits',
      'rate',
      'adjusted_rate',
      'target',
      'window_days',
    ],
    report.rows.map((row) => [
      row.month,
      row.areaId ?? '',
      row.areaId ? (names.get(row.areaId) ?? row.areaId) : 'Whole partnership',
      row.cohort,
      row.engaged,
      row.pending,
      row.exits,
      row.rate,
      row.adjustedRate,
      report.target,
      report.windowDays,
    ]),
  );
  return { content, filename: `continuity-of-care-${report.from}-to-${report.to}.csv` };
}

/** `GET /reports/time-to-engagement`: the cumulative share engaged by day 0–28 and the medians. */
export async function timeToEngagementReport(deps: ReportDeps, principal: Principal, asked: ReportAsked) {
  const { scope, windowDays, casesOf } = await cohort(deps, principal, asked);
  const cases = await casesOf('RELEASED');
  return {
    from: scope.from,
    to: scope.to,
    windowDays,
    suppressed: scope.suppress,
    ...timeToEngagement(cases, { ...scope, windowDays }),
  };
}

/** `GET /reports/by-establishment`: the rate by releasing prison. */
export async function establishmentReport(deps: ReportDeps, principal: Principal, asked: ReportAsked) {
  const { scope, windowDays, casesOf } = await cohort(deps, principal, asked);
  const cases = await casesOf('RELEASED');
  return { ...heading(scope), rows: byEstablishment(cases, { ...scope, windowDays }) };
}

/** `GET /reports/pathways`: referrals, engagement and six-month reoffending on the other pathways. */
export async function pathwayReport(deps: ReportDeps, principal: Principal, asked: ReportAsked) {
  const { scope, casesOf } = await cohort(deps, principal, asked);
  const [released, referred, suites] = await Promise.all([
    casesOf('RELEASED'),
    casesOf('REFERRED'),
    allCustodySuites(deps.table, scope.tenantId),
  ]);
  const names = new Map(suites.map((suite) => [suite.id, suite.name]));
  return {
    ...heading(scope),
    rows: pathwayOutcomes([...released, ...referred], scope),
    bySuite: bySuite(referred, names, scope),
  };
}
