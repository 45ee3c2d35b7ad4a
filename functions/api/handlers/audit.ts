import { actorOf } from '../../../shared/auth/area-access.ts';
import { readAudit } from '../../../shared/cases/read-cases.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listResponse, pageRequest } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/cases.ts';

/** `GET /audit?personId=`: who read or changed a person's records, for a manager of their area. */
export const getAudit = apiHandler(routes.getAudit, async (request, deps) => {
  const actor = actorOf(request);
  const { personId } = request.query;
  const scope = cursorScope([actor.principal.tenantId], 'getAudit', personId);
  const page = await readAudit(deps, actor, personId, () => pageRequest(deps, request.query, scope));
  return { body: await listResponse(deps, page, scope) };
});
