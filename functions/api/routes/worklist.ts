import { defineFeature } from '../../../shared/http/route-def.ts';
import { Caseload } from '../../../shared/schemas/case-view.ts';
import { CaseloadQuery, WorklistCountsQuery, WorklistQuery } from '../../../shared/schemas/referral.ts';
import { Worklist, WorklistCounts } from '../../../shared/schemas/worklist.ts';
import { AUDITED_READ, CASE_STAFF } from './common.ts';

/** The lists staff work from: the worklist (home page of caseworkers and managers) and the caseload. */
export const routes = defineFeature('worklist', {
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
});
