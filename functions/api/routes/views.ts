import { defineFeature } from '../../../shared/http/route-def.ts';
import { Caseload, CaseView, Timeline } from '../../../shared/schemas/case-view.ts';
import { Id, ListQuery } from '../../../shared/schemas/common.ts';
import { FailedToAttendList, FailedToAttendQuery } from '../../../shared/schemas/failed-to-attend.ts';
import { CaseloadQuery, WorklistCountsQuery, WorklistQuery } from '../../../shared/schemas/referral.ts';
import { Worklist, WorklistCounts } from '../../../shared/schemas/worklist.ts';
import * as z from '../../../shared/schemas/zod.ts';
import { AUDITED_READ, CASE_STAFF } from './common.ts';

const referralParams = z.object({ referralId: Id });

/**
 * What staff read cases through: the worklist (the home page of caseworkers and managers), the
 * caseload, a case and its timeline.
 */
export const routes = defineFeature('views', {
  listFailedToAttend: {
    method: 'GET',
    path: '/failed-to-attend',
    roles: ['manager'],
    summary:
      'Drug-testing-on-arrest cases closed as failed to attend a required assessment, for the police under the local protocol',
    query: FailedToAttendQuery,
    response: FailedToAttendList,
    // Each area's list entries, the cases and the custody suites in batch reads, and the audit records.
    access: { table: ['Query', 'BatchGetItem', ...AUDITED_READ] },
  },
  listFailedToAttendCsv: {
    method: 'GET',
    path: '/failed-to-attend.csv',
    roles: ['manager'],
    summary: 'The failed-to-attend list as CSV',
    query: FailedToAttendQuery,
    response: z.string(),
    contentType: 'text/csv; charset=utf-8',
    access: { table: ['Query', 'BatchGetItem', ...AUDITED_READ] },
  },
  getWorklist: {
    method: 'GET',
    path: '/worklist',
    roles: CASE_STAFF,
    summary: 'Open cases in your areas that need someone, most urgent first',
    query: WorklistQuery,
    response: Worklist,
    // One WorkIndex page per area, the people in one batch read, and the audit records.
    access: { table: ['BatchGetItem', ...AUDITED_READ], indexes: ['WorkIndex'] },
  },
  getWorklistCounts: {
    method: 'GET',
    path: '/worklist/counts',
    roles: CASE_STAFF,
    summary: 'The worklist’s counts: releasing this week, in the first days, overdue, open alerts',
    query: WorklistCountsQuery,
    response: WorklistCounts,
    // The WorkIndex partition of each area, a few attributes of each case; no person is read.
    access: { indexes: ['WorkIndex'] },
  },
  listReferrals: {
    method: 'GET',
    path: '/referrals',
    roles: CASE_STAFF,
    summary: 'Caseload of your areas, overdue first, or sorted by a column',
    query: CaseloadQuery,
    response: Caseload,
    // The caseload of each area from GSI1 (expected releases from GSI2), the people in one batch
    // read, and the audit records.
    access: { table: ['BatchGetItem', ...AUDITED_READ], indexes: ['GSI1', 'GSI2'] },
  },
  getReferral: {
    method: 'GET',
    path: '/referrals/{referralId}',
    roles: CASE_STAFF,
    summary: 'A case with its person summary, appointments and alerts',
    params: referralParams,
    response: CaseView,
    access: { table: ['Query', 'GetItem', ...AUDITED_READ] },
  },
  getTimeline: {
    method: 'GET',
    path: '/referrals/{referralId}/timeline',
    roles: CASE_STAFF,
    summary: 'Every event of the case, with who and when',
    params: referralParams,
    query: ListQuery,
    response: Timeline,
    access: { table: ['Query', ...AUDITED_READ] },
  },
});
