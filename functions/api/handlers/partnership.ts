import type { z } from 'zod';
import { memberOf } from '../../../shared/auth/principal.ts';
import {
  getPartnership as readPartnership,
  updatePartnership as writePartnership,
} from '../../../shared/data/partnerships-repo.ts';
import { mergeSettings } from '../../../shared/domain/partnership-rules.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import type { UpdatePartnershipBody } from '../../../shared/schemas/partnership.ts';
import { route } from '../routes.ts';

/** `GET /partnership`: the caller's partnership and settings. */
export const getPartnership = apiHandler(route('getPartnership'), async ({ principal }, deps) => ({
  body: await readPartnership(deps.table, memberOf(principal).tenantId),
}));

/** `PATCH /partnership`: the chair changes the name and settings. */
export const updatePartnership = apiHandler<unknown, unknown, z.output<typeof UpdatePartnershipBody>>(
  route('updatePartnership'),
  async ({ principal, body, ifMatch }, deps) => {
    const { tenantId } = memberOf(principal);
    const current = await readPartnership(deps.table, tenantId);
    const settings = body.settings ? mergeSettings(current.settings, body.settings) : undefined;
    const updated = await writePartnership(
      deps.table,
      tenantId,
      ifMatch,
      { name: body.name, settings },
      deps.clock(),
    );
    return { body: updated };
  },
);
