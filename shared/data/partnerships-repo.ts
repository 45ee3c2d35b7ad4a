import { partnershipNameKey } from '../domain/partnership-name.ts';
import { ApiError, NotFound, VersionConflict } from '../errors.ts';
import type { Member } from '../schemas/member.ts';
import type { ExportKey, Partnership, PartnershipSettings } from '../schemas/partnership.ts';
import { PartnershipSettings as SettingsSchema } from '../schemas/partnership.ts';
import { updateExpression } from './expressions.ts';
import { type Key, keys } from './keys.ts';
import { duplicateMember, type MemberFields, newMemberWrites } from './members-repo.ts';
import { type PageRequest, queryAll, recordsPage } from './query-page.ts';
import { findRecord, getRecord, newItem, toRecord, updateRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import { getItem, itemExists, putNew, type TransactItem, transactWrite } from './table-io.ts';

/** Settings of a new partnership: the defaults of DESIGN.md §3. */
export const defaultSettings = (): PartnershipSettings => SettingsSchema.parse({});

/** The stored item of a new partnership (written with its first chair in one transaction). */
export function newPartnershipItem(tenantId: string, name: string, now: Date): Record<string, unknown> {
  const item = newItem(
    keys.partnership(tenantId),
    'partnership',
    { id: tenantId, name, settings: defaultSettings() },
    now,
  );
  return { ...item, ...keys.partnershipListing(String(item.createdAt), tenantId) };
}

/**
 * The item that holds a partnership's name for it (keys.partnershipNameLock), naming its holder
 * so that only the holder lets it go. Seeded partnerships should put it beside their record.
 */
export const partnershipNameLockItem = (tenantId: string, name: string): Record<string, unknown> => ({
  ...keys.partnershipNameLock(partnershipNameKey(name)),
  type: 'partnershipName',
  tenantId,
  name,
});

/** The error a second partnership of the same name answers (no id: a chair must not learn another's). */
export const duplicateName = (name: string) =>
  new ApiError(
    409,
    'duplicate',
    `A partnership called “${name}” (or a name that differs only in case, spaces or accents) already exists.`,
    {
      name: 'is already used by another partnership: choose another name',
    },
  );

/** True when another partnership holds this name (compared as partnershipNameKey does). */
export async function nameTaken(table: Table, name: string, exceptTenantId?: string): Promise<boolean> {
  const lock = await getItem(table, keys.partnershipNameLock(partnershipNameKey(name)));
  return lock !== undefined && lock.tenantId !== exceptTenantId;
}

/**
 * True when a listed partnership has this name, lock or not: partnerships made before names were
 * locked hold none, so a new one is checked against the operator's list too (tens of items).
 */
export async function nameListed(table: Table, name: string): Promise<boolean> {
  const key = partnershipNameKey(name);
  return (await allPartnerships(table)).some((partnership) => partnershipNameKey(partnership.name) === key);
}

/**
 * Writes a new partnership, the lock on its name and its first chair in one transaction of puts,
 * so two partnerships of one name cannot both be written however close together they come;
 * Duplicate when the name is taken, or the chair's email (or, never in practice, the new id).
 */
export async function createPartnership(
  table: Table,
  tenantId: string,
  name: string,
  chair: MemberFields,
  now: Date,
): Promise<{ partnership: Partnership; chair: Member }> {
  const listed = newPartnershipItem(tenantId, name, now);
  const member = newMemberWrites(tenantId, chair, now);
  const NAME_LOCK = 1;
  await transactWrite(
    table,
    [putNew(listed), putNew(partnershipNameLockItem(tenantId, name)), ...member.writes],
    (failed) => (failed.includes(NAME_LOCK) ? duplicateName(name) : duplicateMember(chair.email)),
  );
  return { partnership: toRecord<Partnership>(listed), chair: member.member };
}

/** Reads a partnership, or undefined when it does not exist. */
export const findPartnership = (table: Table, tenantId: string): Promise<Partnership | undefined> =>
  findRecord<Partnership>(table, keys.partnership(tenantId));

/** Reads a partnership; NotFound when it does not exist. */
export const getPartnership = (table: Table, tenantId: string): Promise<Partnership> =>
  getRecord<Partnership>(table, keys.partnership(tenantId), 'partnership');

const listing = {
  IndexName: 'GSI1',
  KeyConditionExpression: 'GSI1PK = :pk',
  ExpressionAttributeValues: { ':pk': keys.partnershipsPartition },
};

/** A page of every partnership, oldest first, for the operator. */
export const listPartnerships = (table: Table, page: PageRequest) =>
  recordsPage<Partnership>(table, listing, page);

/** Every partnership, for the retention job. */
export async function allPartnerships(table: Table): Promise<Partnership[]> {
  return (await queryAll(table, listing)).map((item) => toRecord<Partnership>(item));
}

/**
 * Changes name and settings of the partnership at `expectedVersion`. A new name (one that
 * compares differently) moves the name's lock in the same transaction: Duplicate when another
 * partnership holds the new name. The old lock goes only if this partnership holds it (one made
 * before names were locked may hold none).
 */
export async function updatePartnership(
  table: Table,
  current: Partnership,
  expectedVersion: number,
  changes: { name?: string; settings?: PartnershipSettings },
  now: Date,
): Promise<Partnership> {
  const tenantId = current.id;
  const update = versionedUpdate(keys.partnership(tenantId), expectedVersion, changes, now);
  const renamed =
    changes.name !== undefined && partnershipNameKey(changes.name) !== partnershipNameKey(current.name);
  if (!renamed || changes.name === undefined) return updateRecord<Partnership>(table, update, 'partnership');
  const oldLock = keys.partnershipNameLock(partnershipNameKey(current.name));
  const held = (await getItem(table, oldLock))?.tenantId === tenantId;
  const writes: TransactItem[] = [
    { Update: update },
    putNew(partnershipNameLockItem(tenantId, changes.name)),
  ];
  if (held) writes.push(releaseLock(oldLock, tenantId));
  const name = changes.name;
  await transactWrite(table, writes, async (failed) => {
    if (failed.includes(0)) {
      const latest = await findPartnership(table, tenantId);
      if (!latest) return new NotFound('partnership');
      if (latest.version !== expectedVersion) return new VersionConflict(latest.version);
    }
    return failed.includes(1) ? duplicateName(name) : undefined;
  });
  return getPartnership(table, tenantId);
}

/** The delete of a name lock, which holds only while `tenantId` holds it. */
const releaseLock = (key: Key, tenantId: string): TransactItem => ({
  Delete: {
    Key: key,
    ConditionExpression: 'tenantId = :holder',
    ExpressionAttributeValues: { ':holder': tenantId },
  },
});

/** What a release that found the lock held by another (or by none) throws, to be told from a failure. */
const LEFT_ALONE = new Error("the name lock is not this partnership's");

/**
 * Lets a partnership's name go (offboarding), if this partnership holds it: another that took the
 * name meanwhile, or a lock never written, is left as it is.
 */
export async function releasePartnershipName(table: Table, tenantId: string, name: string): Promise<void> {
  const lock = keys.partnershipNameLock(partnershipNameKey(name));
  await transactWrite(table, [releaseLock(lock, tenantId)], () => LEFT_ALONE).catch((error: unknown) => {
    if (error !== LEFT_ALONE) throw error;
  });
}

/**
 * Sets (or replaces) the partnership's export key: the last writer wins, and the record keeps who
 * set it and when, with a new version.
 */
export async function setExportKey(table: Table, tenantId: string, exportKey: ExportKey, now: Date) {
  const key = keys.partnership(tenantId);
  return updateRecord<Partnership>(
    table,
    {
      Key: key,
      ...updateExpression(
        { set: { exportKey, updatedAt: now.toISOString() }, add: { version: 1 } },
        itemExists,
      ),
    },
    'partnership',
  );
}
