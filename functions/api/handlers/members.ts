import { memberOf } from '../../../shared/auth/principal.ts';
import * as repo from '../../../shared/data/members-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { changeMember, inviteMember, removeMember } from '../../../shared/members/members.ts';
import { routes } from '../routes/partnership.ts';

/** `GET /members`: the partnership's members. */
export const listMembers = apiHandler(routes.listMembers, async ({ principal, query }, deps) => {
  const { tenantId } = memberOf(principal);
  const scope = cursorScope([tenantId], 'listMembers');
  return {
    body: await listPage(deps, query, scope, async (page) =>
      repo.listMembers(deps.table, tenantId, await page()),
    ),
  };
});

/** `GET /members/{memberId}`: one member. */
export const getMember = apiHandler(routes.getMember, async ({ principal, params }, deps) => ({
  body: await repo.getMember(deps.table, memberOf(principal).tenantId, params.memberId),
}));

/** `POST /members`: the chair invites a member (201). */
export const createMember = apiHandler(routes.createMember, async ({ principal, body }, deps) => ({
  body: await inviteMember(deps, memberOf(principal).tenantId, body),
}));

/** `PATCH /members/{memberId}`: the chair changes a member's role, areas or name. */
export const updateMember = apiHandler(
  routes.updateMember,
  async ({ principal, params, body, ifMatch }, deps) => ({
    body: await changeMember(deps, memberOf(principal).tenantId, params.memberId, ifMatch, body),
  }),
);

/** `DELETE /members/{memberId}`: removes the member; their access ends at once (204). */
export const deleteMember = apiHandler(routes.deleteMember, async ({ principal, params }, deps) => {
  await removeMember(deps, memberOf(principal).tenantId, params.memberId);
  return {};
});
