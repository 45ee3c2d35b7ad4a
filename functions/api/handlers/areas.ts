import { memberOf } from '../../../shared/auth/principal.ts';
import * as areas from '../../../shared/data/areas-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/partnership.ts';

/** `GET /areas`: the partnership's areas. */
export const listAreas = apiHandler(routes.listAreas, async ({ principal, query }, deps) => {
  const { tenantId } = memberOf(principal);
  const scope = cursorScope([tenantId], 'listAreas');
  return {
    body: await listPage(deps, query, scope, async (page) =>
      areas.listAreas(deps.table, tenantId, await page()),
    ),
  };
});

/** `POST /areas`: the chair adds an area. */
export const createArea = apiHandler(routes.createArea, async ({ principal, body }, deps) => ({
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
