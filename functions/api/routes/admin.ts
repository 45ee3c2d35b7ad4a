import { EXPORT_CONTENT_TYPE } from '../../../shared/export/export-page.ts';
import { defineFeature } from '../../../shared/http/route-def.ts';
import { Id, ListQuery, listOf } from '../../../shared/schemas/common.ts';
import { ExportPage, OffboardResult, OperatorActions } from '../../../shared/schemas/operator.ts';
import {
  CreatedPartnership,
  CreatePartnershipBody,
  Partnership,
} from '../../../shared/schemas/partnership.ts';
import * as z from '../../../shared/schemas/zod.ts';

/** The operator's partnership administration: create, list, export, offboard, and its audit. */
export const routes = defineFeature('admin', {
  createPartnership: {
    method: 'POST',
    path: '/admin/partnerships',
    roles: ['operator'],
    summary: 'Create a partnership and invite its first chair',
    body: CreatePartnershipBody,
    response: CreatedPartnership,
    status: 201,
    idempotent: true,
    // The name's lock is read before anyone is invited; then the partnership, its name's lock and its first chair in one transaction of puts; Cognito invites the chair, and deletes the user again if the write fails.
    // The name's lock, and the partnership list on GSI1 for partnerships made before names had locks.
    access: {
      table: ['GetItem', 'PutItem'],
      indexes: ['GSI1'],
      identity: ['AdminCreateUser', 'AdminDeleteUser'],
    },
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
    summary:
      "Export everything a partnership holds, a page at a time, as JSON lines encrypted to the partnership's age key (409 export_key_required until its chair sets one; audited)",
    params: z.object({ partnershipId: Id }),
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(2048))) }),
    response: ExportPage,
    contentType: EXPORT_CONTENT_TYPE,
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
    // The partnership, its name's lock let go, members to sign out, then the partition deleted in batches, and the operator audit record.
    access: {
      table: ['GetItem', 'DeleteItem', 'Query', 'BatchWriteItem', 'PutItem'],
      identity: ['AdminDeleteUser'],
    },
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
