import { actorOf } from '../../../shared/auth/area-access.ts';
import { readAudit } from '../../../shared/cases/read-cases.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/people.ts';

/** `GET /audit?personId=`: who read or changed a person's records, for a manager of their area. */
export const getAudit = apiHandler(routes.getAudit, async (request, deps) => {
  const actor = actorOf(request);
  const { personId } = request.query;
  const scope = cursorScope([actor.principal.tenantId], 'getAudit', personId);
  return {
    body: await listPage(deps, request.query, scope, (page) => readAudit(deps, actor, personId, page)),
  };
});
