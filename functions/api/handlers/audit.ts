import type { z } from 'zod';
import { actorOf, requireAreaOf } from '../../../shared/auth/area-access.ts';
import { listAudit } from '../../../shared/data/audit-repo.ts';
import { getPerson } from '../../../shared/data/people-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { listResponse, pageRequest } from '../../../shared/http/pagination.ts';
import type { AuditQuery } from '../../../shared/schemas/referral.ts';
import { route } from '../routes.ts';

/** `GET /audit?personId=`: who read or changed a person's records, for a manager of their area. */
export const getAudit = apiHandler<unknown, z.output<typeof AuditQuery>>(
  route('getAudit'),
  async (request, deps) => {
    const actor = actorOf(request);
    const { tenantId } = actor.principal;
    const person = await getPerson(deps.table, tenantId, request.query.personId);
    requireAreaOf(actor.principal, person.areaId, 'person');
    const scope = `${tenantId}|getAudit|${person.id}`;
    const page = await listAudit(
      deps.table,
      tenantId,
      person.id,
      await pageRequest(deps, request.query, scope),
    );
    return { body: await listResponse(deps, page, scope) };
  },
);
