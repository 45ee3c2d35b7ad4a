import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MemberRole } from '../domain/values.ts';
import { Duplicate, NotFound } from '../errors.ts';
import type { Member } from '../schemas/member.ts';
import { conditionError, failedConditions } from './dynamo-errors.ts';
import { keys, tenantPartition } from './keys.ts';
import { type PageRequest, queryAll, queryPage } from './query-page.ts';
import { newItem, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';

export interface MemberFields {
  /** The identity provider's user id: the `sub` of the member's tokens. */
  id: string;
  email: string;
  name: string;
  role: MemberRole;
  areaIds: string[];
}

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** The writes that add a member: the record and the lock on their email, both only if new. */
export function newMemberWrites(table: Table, tenantId: string, fields: MemberFields, now: Date) {
  const item = newItem(keys.member(tenantId, fields.id), 'member', { ...fields }, now);
  const writes: TransactItem[] = [
    { Put: { TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: table.name,
        Item: { ...keys.memberEmailLock(tenantId, fields.email), type: 'memberEmail', memberId: fields.id },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
  return { item, writes };
}

export const duplicateMember = (email: string) =>
  new Duplicate(`${email} is already a member of this partnership.`);

/** Adds a member to the tenant; Duplicate when the email is already a member. */
export async function createMember(
  table: Table,
  tenantId: string,
  fields: MemberFields,
  now: Date,
): Promise<Member> {
  const { item, writes } = newMemberWrites(table, tenantId, fields, now);
  try {
    await table.db.send(new TransactWriteCommand({ TransactItems: writes }));
  } catch (error) {
    if (failedConditions(error)?.length) throw duplicateMember(fields.email);
    throw error;
  }
  return toRecord<Member>(item);
}

/** Reads a member with a strongly consistent read, so a removal takes effect at once. */
export async function findMember(
  table: Table,
  tenantId: string,
  memberId: string,
): Promise<Member | undefined> {
  const result = await table.db.send(
    new GetCommand({ TableName: table.name, Key: keys.member(tenantId, memberId), ConsistentRead: true }),
  );
  return result.Item ? toRecord<Member>(result.Item) : undefined;
}

/** Reads a member; NotFound when not in this tenant. */
export async function getMember(table: Table, tenantId: string, memberId: string): Promise<Member> {
  const member = await findMember(table, tenantId, memberId);
  if (!member) throw new NotFound('member');
  return member;
}

const memberQuery = (tenantId: string) => ({
  KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
  ExpressionAttributeValues: { ':pk': tenantPartition(tenantId), ':prefix': keys.memberPrefix },
});

/** A page of the tenant's members. */
export async function listMembers(table: Table, tenantId: string, page: PageRequest) {
  const result = await queryPage(table, memberQuery(tenantId), page);
  return { items: result.items.map((item) => toRecord<Member>(item)), lastKey: result.lastKey };
}

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
  try {
    const result = await table.db.send(
      new UpdateCommand({
        TableName: table.name,
        ...versionedUpdate(keys.member(tenantId, memberId), expectedVersion, changes, now),
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return toRecord<Member>(result.Attributes ?? {});
  } catch (error) {
    throw conditionError(error, 'member');
  }
}

/** Removes a member and the lock on their email, in one transaction. */
export async function deleteMember(table: Table, tenantId: string, member: Member): Promise<void> {
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: table.name,
              Key: keys.member(tenantId, member.id),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          { Delete: { TableName: table.name, Key: keys.memberEmailLock(tenantId, member.email) } },
        ],
      }),
    );
  } catch (error) {
    if (failedConditions(error)?.includes(0)) throw new NotFound('member');
    throw error;
  }
}
