import { defineFeature } from '../../../shared/http/route-def.ts';
import { Id, ListQuery, listOf } from '../../../shared/schemas/common.ts';
import { Member } from '../../../shared/schemas/member.ts';
import { ExportPage, OffboardResult, OperatorActions } from '../../../shared/schemas/operator.ts';
import { CreatePartnershipBody, Partnership } from '../../../shared/schemas/partnership.ts';
import * as z from '../../../shared/schemas/zod.ts';

/** The operator's partnership administration: create, list, export, offboard, and its audit. */
export const routes = defineFeature('admin', {
  createPartnership: {
    method: 'POST',
    path: '/admin/partnerships',
    roles: ['operator'],
    summary: 'Create a partnership and invite its first chair',
    body: CreatePartnershipBody,
    response: z.object({ partnership: Partnership, chair: Member }),
    status: 201,
    idempotent: true,
    // The partnership and its first chair in one transaction of puts; Cognito invites the chair, and deletes the user again if the write fails.
    access: { table: ['PutItem'], identity: ['AdminCreateUser', 'AdminDeleteUser'] },
  },
  listPartnerships: {
    method: 'GET',
    path: '/admin/partnerships',
    roles: ['operator'],
    summary: 'List partnerships (no person-level data)',
    query: ListQuery,
    response: listOf(Partnership),
    // The operator's list is the one GSI1 partition `PARTNERSHIPS`.
    access: { indexes: ['GSI1'] },
  },
  exportPartnership: {
    method: 'GET',
    path: '/admin/partnerships/{partnershipId}/export',
    roles: ['operator'],
    summary: 'Export everything a partnership holds, as JSON lines, a page at a time (audited)',
    params: z.object({ partnershipId: Id }),
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(2048))) }),
    response: ExportPage,
    contentType: 'application/x-ndjson; charset=utf-8',
    // The partnership, a page of its partition, and the operator audit record.
    access: { table: ['GetItem', 'Query', 'PutItem'] },
  },
  offboardPartnership: {
    method: 'DELETE',
    path: '/admin/partnerships/{partnershipId}',
    roles: ['operator'],
    summary: 'Offboard a partnership: delete every item it holds (repeat until complete; audited)',
    params: z.object({ partnershipId: Id }),
    response: OffboardResult,
    // Members to sign out, then the partition deleted in batches, and the operator audit record.
    access: { table: ['GetItem', 'Query', 'BatchWriteItem', 'PutItem'], identity: ['AdminDeleteUser'] },
  },
  listOperatorActions: {
    method: 'GET',
    path: '/admin/audit',
    roles: ['operator'],
    summary: 'Exports, offboardings and retention purges',
    query: ListQuery,
    response: OperatorActions,
    access: { table: ['Query'] },
  },
});
