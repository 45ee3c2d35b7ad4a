import type { Principal } from '../../../shared/auth/principal.ts';
import { listOperatorAudit } from '../../../shared/data/operator-audit-repo.ts';
import { listPartnerships as queryPartnerships } from '../../../shared/data/partnerships-repo.ts';
import { EXPORT_CONTENT_TYPE } from '../../../shared/export/export-page.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import type { ApiRequest } from '../../../shared/http/api-types.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import {
  EXPORT_PAGE_ITEMS,
  exportPartnershipPage,
  type OperatorRequest,
  offboardPartnership as offboard,
  onboardPartnership,
} from '../../../shared/partnerships/partnerships.ts';
import { routes } from '../routes/admin.ts';

/** The operator behind a request, as the operator audit records them. */
const operatorOf = (request: Pick<ApiRequest, 'principal' | 'sourceIp' | 'requestId'>): OperatorRequest => ({
  by: { userId: request.principal.userId, email: request.principal.email },
  sourceIp: request.sourceIp,
  requestId: request.requestId,
});

/** Cursors of the operator's own lists. */
const operatorScope = (principal: Principal, list: string, ...filters: string[]) =>
  cursorScope([principal.userId], list, ...filters);

/** `POST /admin/partnerships`: creates the tenant and invites its first chair; answers the record, with the chair. */
export const createPartnership = apiHandler(routes.createPartnership, async ({ body }, deps) => ({
  body: await onboardPartnership(deps, body),
}));

/** `GET /admin/partnerships`: every partnership, for the operator. */
export const listPartnerships = apiHandler(routes.listPartnerships, async ({ query, principal }, deps) => {
  const scope = operatorScope(principal, 'listPartnerships');
  return {
    body: await listPage(deps, query, scope, async (page) => queryPartnerships(deps.table, await page())),
  };
});

/**
 * `GET /admin/partnerships/{partnershipId}/export`: one page (up to 1,000 items) of everything the
 * partnership holds, for handing its data back: JSON lines encrypted to the partnership's export
 * key, as an armoured age file; `x-next-cursor` names the next page. Every page is recorded in the
 * operator audit.
 */
export const exportPartnership = apiHandler(routes.exportPartnership, async (request, deps) => {
  const { partnershipId } = request.params;
  const scope = operatorScope(request.principal, 'export', partnershipId);
  const { items, nextCursor } = await listPage(
    deps,
    { limit: EXPORT_PAGE_ITEMS, cursor: request.query.cursor },
    scope,
    (page) => exportPartnershipPage(deps, partnershipId, page, operatorOf(request)),
  );
  return {
    text: {
      contentType: EXPORT_CONTENT_TYPE,
      content: items.map((page) => page.armoured).join(''),
      filename: `partnership-${partnershipId}.jsonl.age`,
    },
    ...(nextCursor ? { headers: { 'x-next-cursor': nextCursor } } : {}),
  };
});

/**
 * `DELETE /admin/partnerships/{partnershipId}`: offboards a partnership. Large partnerships take
 * several calls: repeat until `complete` is true.
 */
export const offboardPartnership = apiHandler(routes.offboardPartnership, async (request, deps) => ({
  body: await offboard(deps, request.params.partnershipId, operatorOf(request)),
}));

/** `GET /admin/audit`: exports, offboardings and retention purges, oldest first. */
export const listOperatorActions = apiHandler(routes.listOperatorActions, async (request, deps) => {
  const scope = operatorScope(request.principal, 'listOperatorActions');
  return {
    body: await listPage(deps, request.query, scope, async (page) =>
      listOperatorAudit(deps.table, await page()),
    ),
  };
});
