import type { MemberRole } from '../domain/values.ts';
import { Duplicate, NotFound } from '../errors.ts';
import type { Member } from '../schemas/member.ts';
import { keys, tenantPartition } from './keys.ts';
import { type PageRequest, prefixQuery, queryAll, recordsPage } from './query-page.ts';
import { findRecord, getRecord, newItem, toRecord, updateRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import { deleteItem, getItem, putNew, type TransactItem, transactWrite } from './table-io.ts';

export interface MemberFields {
  /** The identity provider's user id: the `sub` of the member's tokens. */
  id: string;
  email: string;
  name: string;
  role: MemberRole;
  areaIds: string[];
}

/** The writes that add a member: the record and the lock on their email, both only if new. */
export function newMemberWrites(
  tenantId: string,
  fields: MemberFields,
  now: Date,
): { member: Member; writes: TransactItem[] } {
  const item = newItem(keys.member(tenantId, fields.id), 'member', { ...fields }, now);
  const lock = { ...keys.memberEmailLock(tenantId, fields.email), type: 'memberEmail', memberId: fields.id };
  return { member: toRecord<Member>(item), writes: [putNew(item), putNew(lock)] };
}

/** The error a second member with the same email answers. */
export const duplicateMember = (email: string) =>
  new Duplicate(`${email} is already a member of this partnership.`);

/** Writes a new member's items (and any others given) in one transaction; Duplicate when any already exists. */
export async function writeNewMember(
  table: Table,
  email: string,
  writes: readonly TransactItem[],
): Promise<void> {
  await transactWrite(table, writes, () => duplicateMember(email));
}

/** Adds a member to the tenant; Duplicate when the email is already a member. */
export async function createMember(
  table: Table,
  tenantId: string,
  fields: MemberFields,
  now: Date,
): Promise<Member> {
  const { member, writes } = newMemberWrites(tenantId, fields, now);
  await writeNewMember(table, fields.email, writes);
  return member;
}

/** True when an email is already a member of the tenant (checked before inviting anyone). */
export async function emailTaken(table: Table, tenantId: string, email: string): Promise<boolean> {
  return (await getItem(table, keys.memberEmailLock(tenantId, email))) !== undefined;
}

/** Reads a member with a strongly consistent read, so a removal takes effect at once. */
export const findMember = (table: Table, tenantId: string, memberId: string): Promise<Member | undefined> =>
  findRecord<Member>(table, keys.member(tenantId, memberId));

/** Reads a member; NotFound when not in this tenant. */
export const getMember = (table: Table, tenantId: string, memberId: string): Promise<Member> =>
  getRecord<Member>(table, keys.member(tenantId, memberId), 'member');

const memberQuery = (tenantId: string) => prefixQuery(tenantPartition(tenantId), keys.memberPrefix);

/** A page of the tenant's members. */
export const listMembers = (table: Table, tenantId: string, page: PageRequest) =>
  recordsPage<Member>(table, memberQuery(tenantId), page);

/** Every member of the tenant (a partnership has tens of members). */
export async function allMembers(table: Table, tenantId: string): Promise<Member[]> {
  return (await queryAll(table, memberQuery(tenantId))).map((item) => toRecord<Member>(item));
}

/** Ids of the tenant's chairs (to keep at least one). */
export async function chairIds(table: Table, tenantId: string): Promise<string[]> {
  const items = await queryAll(table, {
    ...memberQuery(tenantId),
    FilterExpression: '#role = :chair',
    ExpressionAttributeNames: { '#role': 'role' },
    ExpressionAttributeValues: { ...memberQuery(tenantId).ExpressionAttributeValues, ':chair': 'chair' },
    ProjectionExpression: 'id',
  });
  return items.map((item) => String(item.id));
}

/** Changes a member at `expectedVersion`. */
export async function updateMember(
  table: Table,
  tenantId: string,
  memberId: string,
  expectedVersion: number,
  changes: Partial<Pick<MemberFields, 'name' | 'role' | 'areaIds'>>,
  now: Date,
): Promise<Member> {
  return updateRecord<Member>(
    table,
    versionedUpdate(keys.member(tenantId, memberId), expectedVersion, changes, now),
    'member',
  );
}

/** Removes a member and the lock on their email, in one transaction. */
export async function deleteMember(table: Table, tenantId: string, member: Member): Promise<void> {
  await transactWrite(
    table,
    [
      deleteItem(keys.member(tenantId, member.id), true),
      deleteItem(keys.memberEmailLock(tenantId, member.email)),
    ],
    (failed) => (failed.includes(0) ? new NotFound('member') : undefined),
  );
}
