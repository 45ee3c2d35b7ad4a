import { logger } from '../adapters/logger.ts';
import type { Clock, IdentityAdmin } from '../adapters/ports.ts';
import { newId } from '../data/ids.ts';
import { allMembers } from '../data/members-repo.ts';
import { type OperatorAuditRecord, recordOperatorAction } from '../data/operator-audit-repo.ts';
import {
  createPartnership,
  duplicateName,
  findPartnership,
  getPartnership,
  nameListed,
  nameTaken,
  releasePartnershipName,
  setExportKey,
  updatePartnership,
} from '../data/partnerships-repo.ts';
import type { Page, PageRequest } from '../data/query-page.ts';
import type { Table } from '../data/table.ts';
import { deleteTenantItems, tenantItems } from '../data/tenant-items.ts';
import { mergeSettings } from '../domain/partnership-rules.ts';
import { Conflict, NotFound, ValidationFailed } from '../errors.ts';
import { wrapFileKey } from '../export/age-encrypt.ts';
import { parseAgeRecipient } from '../export/age-recipient.ts';
import { encryptedPage } from '../export/export-page.ts';
import type { Member } from '../schemas/member.ts';
import type {
  CreatePartnershipBody,
  Partnership,
  SetExportKeyBody,
  UpdatePartnershipBody,
} from '../schemas/partnership.ts';
import type * as z from '../schemas/zod.ts';

export interface PartnershipDeps {
  table: Table;
  clock: Clock;
}

/** Who did an operator's action on a partnership's data, and from where, for the operator audit. */
export type OperatorRequest = Pick<OperatorAuditRecord, 'by' | 'sourceIp' | 'requestId'>;

/**
 * Creates the tenant and invites its first chair. A name another partnership holds is refused
 * before anyone is invited (Cognito mails the invitation at once). The chair's user is created
 * next (it yields the member id), then the partnership, its name's lock and the chair are written
 * together; if that write fails (the name taken in the meantime, say), the user is removed again.
 */
export async function onboardPartnership(
  deps: PartnershipDeps & { identity: IdentityAdmin },
  body: z.output<typeof CreatePartnershipBody>,
): Promise<Partnership & { chair: Member }> {
  const now = deps.clock();
  const tenantId = newId(now);
  const { email, name } = body.chair;
  if ((await nameTaken(deps.table, body.name)) || (await nameListed(deps.table, body.name))) {
    throw duplicateName(body.name);
  }
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
    return { ...created.partnership, chair: created.chair };
  } catch (error) {
    await deps.identity.removeUser(userId).catch(() => undefined);
    throw error;
  }
}

/** Items an export page holds: small enough for a Lambda's response, few enough calls for a partnership. */
export const EXPORT_PAGE_ITEMS = 1000;

/** The error of an export asked for before the partnership has a key to encrypt it to. */
const exportKeyRequired = () =>
  new Conflict(
    'export_key_required',
    "The partnership's chair has not set an export key yet: exports are encrypted to it, so ask the chair to set one on the partnership page first.",
  );

/** One export page: an armoured age file of up to 1,000 items, and how many it holds. */
export interface ExportPage {
  armoured: string;
  items: number;
}

/**
 * One page (up to 1,000 items) of everything a partnership holds, as JSON lines without the
 * table's keys, encrypted to the partnership's export key, so the operator never holds its
 * people's data in the clear; recorded in the operator audit, with the key it was encrypted to,
 * before it is handed over. The page is a list of one file, so the usual cursor follows it.
 */
export async function exportPartnershipPage(
  deps: PartnershipDeps,
  partnershipId: string,
  /** The page asked for: read once the partnership is known to exist and to have a key. */
  page: () => Promise<PageRequest>,
  operator: OperatorRequest,
): Promise<Page<ExportPage>> {
  const partnership = await getPartnership(deps.table, partnershipId);
  const recipient = partnership.exportKey?.recipient;
  if (!recipient) throw exportKeyRequired();
  const { items, lastKey } = await tenantItems(deps.table, partnershipId, await page());
  const armoured = encryptedPage(recipient, items);
  await recordOperatorAction(
    deps.table,
    { action: 'export', partnershipId, items: items.length, recipient, ...operator },
    deps.clock(),
  );
  return { items: [{ armoured, items: items.length }], lastKey };
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
  // The name goes first: once the record is deleted (perhaps in an earlier call), it is unknown.
  if (existing) await releasePartnershipName(deps.table, partnershipId, existing.name);
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

/**
 * The chair changes the partnership's name and settings at the version they read; a name another
 * partnership holds is Duplicate, and a new name moves the lock with it.
 */
export async function changePartnership(
  deps: PartnershipDeps,
  tenantId: string,
  ifMatch: number,
  body: z.output<typeof UpdatePartnershipBody>,
): Promise<Partnership> {
  const current = await getPartnership(deps.table, tenantId);
  const settings = body.settings ? mergeSettings(current.settings, body.settings) : undefined;
  return updatePartnership(deps.table, current, ifMatch, { name: body.name, settings }, deps.clock());
}

/** The chair who sets the export key, as the partnership record names them. */
export interface ChairRequest {
  tenantId: string;
  memberId: string;
  name: string;
}

/**
 * The chair sets (or replaces) the age recipient the operator's exports are encrypted to. The key
 * must parse as an X25519 age recipient and take a trial file key, so one that is set is one an
 * export can use; anything else is ValidationFailed naming `publicKey` (never repeating what was
 * sent, which may be a private key pasted by mistake). The last writer wins; the record keeps who
 * set it and when.
 */
export async function setPartnershipExportKey(
  deps: PartnershipDeps,
  chair: ChairRequest,
  body: z.output<typeof SetExportKeyBody>,
): Promise<Partnership> {
  const checked = parseAgeRecipient(body.publicKey);
  if ('problem' in checked) throw badExportKey(checked.problem);
  if (!usable(checked.publicKey)) {
    throw badExportKey('is not a key anything can be encrypted to: generate a new one with age-keygen');
  }
  const now = deps.clock();
  const partnership = await setExportKey(
    deps.table,
    chair.tenantId,
    {
      recipient: checked.recipient,
      setAt: now.toISOString(),
      setBy: { memberId: chair.memberId, name: chair.name },
    },
    now,
  );
  logger.info('export key set', { partnershipId: chair.tenantId, memberId: chair.memberId });
  return partnership;
}

/** The error of a key that is not one: it names `publicKey`, and what is wrong, not what was sent. */
const badExportKey = (problem: string) =>
  new ValidationFailed('The request body has a problem: see fields.', { publicKey: problem });

/** Whether a file key can be wrapped for this X25519 key: false for a low-order point. */
function usable(publicKey: Uint8Array): boolean {
  try {
    wrapFileKey(publicKey, new Uint8Array(16));
    return true;
  } catch {
    return false;
  }
}
