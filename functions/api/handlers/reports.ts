import { apiHandler } from '../../../shared/http/api-handler.ts';
import {
  continuityCsv,
  continuityReport,
  establishmentReport,
  pathwayReport,
  timeToEngagementReport,
} from '../../../shared/reports/reports.ts';
import { routes } from '../routes/reports.ts';

/** `GET /reports/continuity-of-care`: the rate per release month and area against the target. */
export const getContinuityReport = apiHandler(routes.getContinuityReport, async (request, deps) => ({
  body: await continuityReport(deps, request.principal, request.query),
}));

/** `GET /reports/continuity-of-care.csv`: the same rows as a CSV download. */
export const getContinuityReportCsv = apiHandler(routes.getContinuityReportCsv, async (request, deps) => ({
  text: {
    contentType: 'text/csv; charset=utf-8',
    ...(await continuityCsv(deps, request.principal, request.query)),
  },
}));

/** `GET /reports/time-to-engagement`: the cumulative share engaged by day 0–28 and the medians. */
export const getTimeToEngagement = apiHandler(routes.getTimeToEngagement, async (request, deps) => ({
  body: await timeToEngagementReport(deps, request.principal, request.query),
}));

/** `GET /reports/by-establishment`: the rate by releasing prison. */
export const getEstablishmentReport = apiHandler(routes.getEstablishmentReport, async (request, deps) => ({
  body: await establishmentReport(deps, request.principal, request.query),
}));

/** `GET /reports/pathways`: referrals, engagement and six-month reoffending on the other pathways. */
export const getPathwayReport = apiHandler(routes.getPathwayReport, async (request, deps) => ({
  body: await pathwayReport(deps, request.principal, request.query),
}));
