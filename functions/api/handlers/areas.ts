import { memberOf } from '../../../shared/auth/principal.ts';
import * as areas from '../../../shared/data/areas-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listResponse, pageRequest } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/partnership.ts';

/** `GET /areas`: the partnership's areas. */
export const listAreas = apiHandler(routes.listAreas, async ({ principal, query }, deps) => {
  const { tenantId } = memberOf(principal);
  const scope = cursorScope([tenantId], 'listAreas');
  const page = await areas.listAreas(deps.table, tenantId, await pageRequest(deps, query, scope));
  return { body: await listResponse(deps, page, scope) };
});

/** `POST /areas`: the chair adds an area. */
export const createArea = apiHandler(routes.createArea, async ({ principal, body }, deps) => ({
  status: 201,
  body: await areas.createArea(deps.table, memberOf(principal).tenantId, body, deps.clock()),
}));

/** `GET /areas/{areaId}`: one area. */
export const getArea = apiHandler(routes.getArea, async ({ principal, params }, deps) => ({
  body: await areas.getArea(deps.table, memberOf(principal).tenantId, params.areaId),
}));

/** `PATCH /areas/{areaId}`: the chair changes an area. */
export const updateArea = apiHandler(
  routes.updateArea,
  async ({ principal, params, body, ifMatch }, deps) => ({
    body: await areas.updateArea(
      deps.table,
      memberOf(principal).tenantId,
      params.areaId,
      ifMatch,
      body,
      deps.clock(),
    ),
  }),
);
