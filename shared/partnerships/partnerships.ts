import { logger } from '../adapters/logger.ts';
import type { Clock, IdentityAdmin } from '../adapters/ports.ts';
import { newId } from '../data/ids.ts';
import { allMembers } from '../data/members-repo.ts';
import { type OperatorAuditRecord, recordOperatorAction } from '../data/operator-audit-repo.ts';
import {
  createPartnership,
  findPartnership,
  getPartnership,
  updatePartnership,
} from '../data/partnerships-repo.ts';
import type { Page, PageRequest } from '../data/query-page.ts';
import type { Table } from '../data/table.ts';
import { deleteTenantItems, tenantItems } from '../data/tenant-items.ts';
import { mergeSettings } from '../domain/partnership-rules.ts';
import { NotFound } from '../errors.ts';
import type { Member } from '../schemas/member.ts';
import type { CreatePartnershipBody, Partnership, UpdatePartnershipBody } from '../schemas/partnership.ts';
import type * as z from '../schemas/zod.ts';

export interface PartnershipDeps {
  table: Table;
  clock: Clock;
}

/** Who did an operator's action on a partnership's data, and from where, for the operator audit. */
export type OperatorRequest = Pick<OperatorAuditRecord, 'by' | 'sourceIp' | 'requestId'>;

/**
 * Creates the tenant and invites its first chair. The chair's user is created first (it yields the
 * member id); if the table write then fails, the user is removed again.
 */
export async function onboardPartnership(
  deps: PartnershipDeps & { identity: IdentityAdmin },
  body: z.output<typeof CreatePartnershipBody>,
): Promise<{ partnership: Partnership; chair: Member }> {
  const now = deps.clock();
  const tenantId = newId(now);
  const { email, name } = body.chair;
  const { userId } = await deps.identity.inviteUser({
    email,
    name,
    tenantId,
    partnershipName: body.name,
    role: 'chair',
  });
  try {
    const created = await createPartnership(
      deps.table,
      tenantId,
      body.name,
      { id: userId, email, name, role: 'chair', areaIds: [] },
      now,
    );
    logger.info('partnership created', { partnershipId: tenantId });
    return created;
  } catch (error) {
    await deps.identity.removeUser(userId).catch(() => undefined);
    throw error;
  }
}

/** Items an export page holds: small enough for a Lambda's response, few enough calls for a partnership. */
export const EXPORT_PAGE_ITEMS = 1000;

/** One page (up to 1,000 items) of everything a partnership holds, recorded in the operator audit. */
export async function exportPartnershipPage(
  deps: PartnershipDeps,
  partnershipId: string,
  /** The page asked for: read once the partnership is known to exist. */
  page: () => Promise<PageRequest>,
  operator: OperatorRequest,
): Promise<Page<Record<string, unknown>>> {
  await getPartnership(deps.table, partnershipId);
  const exported = await tenantItems(deps.table, partnershipId, await page());
  await recordOperatorAction(
    deps.table,
    { action: 'export', partnershipId, items: exported.items.length, ...operator },
    deps.clock(),
  );
  return exported;
}

/**
 * Offboards a partnership: removes its members' sign-ins, then deletes every item under its
 * partition, a budget of items a call (repeat until `complete`). Audited outside the tenant, so
 * the record outlives it.
 */
export async function offboardPartnership(
  deps: PartnershipDeps & { identity: IdentityAdmin },
  partnershipId: string,
  operator: OperatorRequest,
): Promise<{ partnershipId: string; deleted: number; complete: boolean }> {
  const existing = await findPartnership(deps.table, partnershipId);
  const membersLeft = await allMembers(deps.table, partnershipId);
  if (!existing && membersLeft.length === 0) {
    const { complete } = await deleteTenantItems(deps.table, partnershipId, 0);
    if (complete) throw new NotFound('partnership');
  }
  for (const member of membersLeft) {
    await deps.identity.removeUser(member.id).catch((error: unknown) => {
      logger.warn('could not remove a member sign-in while offboarding', {
        memberId: member.id,
        error: String(error),
      });
    });
  }
  const result = await deleteTenantItems(deps.table, partnershipId);
  await recordOperatorAction(
    deps.table,
    { action: 'offboard', partnershipId, items: result.deleted, ...operator },
    deps.clock(),
  );
  logger.info('partnership offboarding', { partnershipId, ...result });
  return { partnershipId, ...result };
}

/** The chair changes the partnership's name and settings at the version they read. */
export async function changePartnership(
  deps: PartnershipDeps,
  tenantId: string,
  ifMatch: number,
  body: z.output<typeof UpdatePartnershipBody>,
): Promise<Partnership> {
  const current = await getPartnership(deps.table, tenantId);
  const settings = body.settings ? mergeSettings(current.settings, body.settings) : undefined;
  return updatePartnership(deps.table, tenantId, ifMatch, { name: body.name, settings }, deps.clock());
}
