import type { Member } from '../schemas/member.ts';
import type { Partnership, PartnershipSettings } from '../schemas/partnership.ts';
import { PartnershipSettings as SettingsSchema } from '../schemas/partnership.ts';
import { keys } from './keys.ts';
import { type MemberFields, newMemberWrites, writeNewMember } from './members-repo.ts';
import { type PageRequest, queryAll, recordsPage } from './query-page.ts';
import { findRecord, getRecord, newItem, toRecord, updateRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import { putNew } from './table-io.ts';

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
 * Writes a new partnership and its first chair in one transaction of puts; Duplicate when the
 * chair's email (or, never in practice, the partnership's new id) is taken.
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
  await writeNewMember(table, chair.email, [putNew(listed), ...member.writes]);
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

/** Changes name and settings of the partnership at `expectedVersion`. */
export async function updatePartnership(
  table: Table,
  tenantId: string,
  expectedVersion: number,
  changes: { name?: string; settings?: PartnershipSettings },
  now: Date,
): Promise<Partnership> {
  return updateRecord<Partnership>(
    table,
    versionedUpdate(keys.partnership(tenantId), expectedVersion, changes, now),
    'partnership',
  );
}
