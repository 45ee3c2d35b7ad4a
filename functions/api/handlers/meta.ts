import { memberOf } from '../../../shared/auth/principal.ts';
import { getPartnership } from '../../../shared/data/partnerships-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { openApiDocument } from '../openapi.ts';
import { route } from '../routes.ts';

/** `GET /health`: liveness, without touching any dependency. */
export const getHealth = apiHandler(route('getHealth'), async () => ({ body: { status: 'ok' } }));

let document: ReturnType<typeof openApiDocument> | undefined;

/** `GET /openapi.json`: the API described from the route table's zod schemas. */
export const getOpenApi = apiHandler(route('getOpenApi'), async () => {
  document ??= openApiDocument();
  return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
});

/** `GET /me`: who the caller is, with their role, areas and partnership, for the frontend. */
export const getMe = apiHandler(route('getMe'), async ({ principal }, deps) => {
  if (principal.kind === 'operator') {
    return { body: { userId: principal.userId, email: principal.email, role: 'operator', areaIds: [] } };
  }
  const member = memberOf(principal);
  const partnership = await getPartnership(deps.table, member.tenantId);
  return {
    body: {
      userId: member.userId,
      email: member.email,
      name: member.name,
      role: member.role,
      memberId: member.memberId,
      areaIds: member.areaIds,
      partnership: { id: partnership.id, name: partnership.name },
    },
  };
});
