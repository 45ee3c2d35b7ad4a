import { defineFeature } from '../../../shared/http/route-def.ts';
import { ContinuityReport, ReportQuery } from '../../../shared/schemas/report.ts';
import {
  ContinuityReportCsv,
  EstablishmentReport,
  PathwayReport,
  TimeToEngagementReport,
} from '../../../shared/schemas/report-views.ts';
import { REPORT, REPORT_READERS } from './common.ts';

/** The aggregated reports: continuity of care, time to engagement, establishments, pathways. */
export const routes = defineFeature('reports', {
  getContinuityReport: {
    method: 'GET',
    path: '/reports/continuity-of-care',
    roles: REPORT_READERS,
    summary: 'Continuity-of-care rate per release month and area, against the target',
    query: ReportQuery,
    response: ContinuityReport,
    access: REPORT,
  },
  getContinuityReportCsv: {
    method: 'GET',
    path: '/reports/continuity-of-care.csv',
    roles: REPORT_READERS,
    summary: 'The continuity-of-care report as CSV',
    query: ReportQuery,
    response: ContinuityReportCsv,
    contentType: 'text/csv; charset=utf-8',
    access: REPORT,
  },
  getTimeToEngagement: {
    method: 'GET',
    path: '/reports/time-to-engagement',
    roles: REPORT_READERS,
    summary:
      'Cumulative share engaged by day after release, and median days to first appointment and treatment',
    query: ReportQuery,
    response: TimeToEngagementReport,
    access: REPORT,
  },
  getEstablishmentReport: {
    method: 'GET',
    path: '/reports/by-establishment',
    roles: REPORT_READERS,
    summary: 'Continuity-of-care rate by releasing establishment',
    query: ReportQuery,
    response: EstablishmentReport,
    access: REPORT,
  },
  getPathwayReport: {
    method: 'GET',
    path: '/reports/pathways',
    roles: REPORT_READERS,
    summary: 'Referrals, engagement and six-month reoffending on the other pathways',
    query: ReportQuery,
    response: PathwayReport,
    access: REPORT,
  },
});
