import type { z } from 'zod';
import type { Deps } from '../../../shared/adapters/deps.ts';
import { memberOf } from '../../../shared/auth/principal.ts';
import { listAreas } from '../../../shared/data/areas-repo.ts';
import { cohortCases } from '../../../shared/data/cohort-repo.ts';
import { getPartnership } from '../../../shared/data/partnerships-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import type { ApiRequest } from '../../../shared/http/api-types.ts';
import {
  byEstablishment,
  continuityRows,
  pathwayOutcomes,
  timeToEngagement,
} from '../../../shared/reports/continuity-report.ts';
import { toCsv } from '../../../shared/reports/csv.ts';
import { reportScope } from '../../../shared/reports/report-scope.ts';
import type { ReportQuery } from '../../../shared/schemas/report.ts';
import { route } from '../routes.ts';

type Query = z.output<typeof ReportQuery>;

/** The scope and the released cohort of the months asked for (index queries by month only). */
async function releasedCohort(request: ApiRequest<unknown, Query>, deps: Deps) {
  const partnership = await getPartnership(deps.table, memberOf(request.principal).tenantId);
  const scope = await reportScope(
    deps.table,
    request.principal,
    request.query,
    partnership.settings,
    deps.clock(),
  );
  const cases = (
    await cohortCases(deps.table, scope.tenantId, 'RELEASED', scope.months, scope.areaId)
  ).filter((c) => scope.areaIds.includes(c.areaId));
  return { partnership, scope, cases };
}

async function continuityReport(request: ApiRequest<unknown, Query>, deps: Deps) {
  const { partnership, scope, cases } = await releasedCohort(request, deps);
  const { engagementWindowDays: windowDays, targetRate: target } = partnership.settings;
  return {
    scope,
    report: {
      windowDays,
      target,
      from: scope.from,
      to: scope.to,
      suppressed: scope.suppress,
      rows: continuityRows(cases, { ...scope, windowDays, withTotals: !scope.areaId }),
    },
  };
}

/** `GET /reports/continuity-of-care`: the rate per release month and area against the target. */
export const getContinuityReport = apiHandler<unknown, Query>(
  route('getContinuityReport'),
  async (request, deps) => ({
    body: (await continuityReport(request, deps)).report,
  }),
);

/** `GET /reports/continuity-of-care.csv`: the same rows as a CSV download. */
export const getContinuityReportCsv = apiHandler<unknown, Query>(
  route('getContinuityReportCsv'),
  async (request, deps) => {
    const { scope, report } = await continuityReport(request, deps);
    const names = new Map(
      (await listAreas(deps.table, scope.tenantId, { limit: 200 })).items.map((area) => [
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
    return {
      text: {
        contentType: 'text/csv; charset=utf-8',
        content,
        filename: `continuity-of-care-${report.from}-to-${report.to}.csv`,
      },
    };
  },
);

/** `GET /reports/time-to-engagement`: the cumulative share engaged by day 0–28 and the medians. */
export const getTimeToEngagement = apiHandler<unknown, Query>(
  route('getTimeToEngagement'),
  async (request, deps) => {
    const { partnership, scope, cases } = await releasedCohort(request, deps);
    return {
      body: {
        from: scope.from,
        to: scope.to,
        windowDays: partnership.settings.engagementWindowDays,
        suppressed: scope.suppress,
        ...timeToEngagement(cases, { ...scope, windowDays: partnership.settings.engagementWindowDays }),
      },
    };
  },
);

/** `GET /reports/by-establishment`: the rate by releasing prison. */
export const getEstablishmentReport = apiHandler<unknown, Query>(
  route('getEstablishmentReport'),
  async (request, deps) => {
    const { partnership, scope, cases } = await releasedCohort(request, deps);
    return {
      body: {
        from: scope.from,
        to: scope.to,
        suppressed: scope.suppress,
        rows: byEstablishment(cases, { ...scope, windowDays: partnership.settings.engagementWindowDays }),
      },
    };
  },
);

/** `GET /reports/pathways`: referrals, engagement and six-month reoffending on the other pathways. */
export const getPathwayReport = apiHandler<unknown, Query>(
  route('getPathwayReport'),
  async (request, deps) => {
    const { scope, cases: released } = await releasedCohort(request, deps);
    const referred = (
      await cohortCases(deps.table, scope.tenantId, 'REFERRED', scope.months, scope.areaId)
    ).filter((c) => scope.areaIds.includes(c.areaId));
    return {
      body: {
        from: scope.from,
        to: scope.to,
        suppressed: scope.suppress,
        rows: pathwayOutcomes([...released, ...referred], scope),
      },
    };
  },
);
