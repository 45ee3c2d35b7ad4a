import { memberOf } from '../../../shared/auth/principal.ts';
import { getPartnership as readPartnership } from '../../../shared/data/partnerships-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { changePartnership, setPartnershipExportKey } from '../../../shared/partnerships/partnerships.ts';
import { routes } from '../routes/partnership.ts';

/** `GET /me`: who the caller is, with their role, areas and partnership, for the frontend. */
export const getMe = apiHandler(routes.getMe, async ({ principal }, deps) => {
  if (principal.kind === 'operator') {
    return { body: { userId: principal.userId, email: principal.email, role: principal.role, areaIds: [] } };
  }
  const partnership = await readPartnership(deps.table, principal.tenantId);
  return {
    body: {
      userId: principal.userId,
      email: principal.email,
      name: principal.name,
      role: principal.role,
      memberId: principal.memberId,
      areaIds: principal.areaIds,
      partnership: { id: partnership.id, name: partnership.name },
    },
  };
});

/** `GET /partnership`: the caller's partnership and settings. */
export const getPartnership = apiHandler(routes.getPartnership, async ({ principal }, deps) => ({
  body: await readPartnership(deps.table, memberOf(principal).tenantId),
}));

/** `PATCH /partnership`: the chair changes the name and settings. */
export const updatePartnership = apiHandler(
  routes.updatePartnership,
  async ({ principal, body, ifMatch }, deps) => ({
    body: await changePartnership(deps, memberOf(principal).tenantId, ifMatch, body),
  }),
);

/** `PUT /partnership/export-key`: the chair sets the age key the operator's exports are encrypted to. */
export const setExportKey = apiHandler(routes.setExportKey, async ({ principal, body }, deps) => {
  const { tenantId, memberId, name } = memberOf(principal);
  return { body: await setPartnershipExportKey(deps, { tenantId, memberId, name }, body) };
});
