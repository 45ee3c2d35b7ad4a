import type { TenantTables } from '../../shared/adapters/ports.ts';
import { PARTNERSHIP_NAME_PREFIX, tenantPartition } from '../../shared/data/keys.ts';
import type { Table } from '../../shared/data/table.ts';

/** The error IAM answers a key outside the session's leading keys with, as the SDK raises it. */
export class LeadingKeysDenied extends Error {
  override readonly name = 'AccessDeniedException';
  constructor(tenantId: string, partition: string, command: string) {
    super(`${command} reached the partition "${partition}", outside tenant ${tenantId}'s leading keys`);
  }
}

type Input = Record<string, unknown>;
const asRecord = (value: unknown): Input => (value && typeof value === 'object' ? (value as Input) : {});

/** The partition key value of a query: the value its key condition compares the partition key with. */
function queryPartition(input: Input): unknown {
  const condition = String(input.KeyConditionExpression ?? '');
  const placeholder = /^\s*#?\w+\s*=\s*(:\w+)/.exec(condition)?.[1];
  return placeholder ? asRecord(input.ExpressionAttributeValues)[placeholder] : undefined;
}

/** Every partition key one command of the document client touches, as IAM's dynamodb:LeadingKeys sees them. */
export function leadingKeysOf(command: string, input: Input): unknown[] {
  const pk = (item: unknown) => asRecord(item).PK;
  switch (command) {
    case 'GetCommand':
    case 'UpdateCommand':
    case 'DeleteCommand':
      return [pk(input.Key)];
    case 'PutCommand':
      return [pk(input.Item)];
    case 'QueryCommand':
      return [queryPartition(input)];
    case 'BatchGetCommand':
      return Object.values(asRecord(input.RequestItems)).flatMap((request) =>
        ((asRecord(request).Keys as unknown[]) ?? []).map(pk),
      );
    case 'BatchWriteCommand':
      return Object.values(asRecord(input.RequestItems)).flatMap((requests) =>
        ((requests as unknown[]) ?? []).map((request) => {
          const { PutRequest, DeleteRequest } = asRecord(request);
          return PutRequest ? pk(asRecord(PutRequest).Item) : pk(asRecord(DeleteRequest).Key);
        }),
      );
    case 'TransactWriteCommand':
    case 'TransactGetCommand':
      return ((input.TransactItems as unknown[]) ?? []).map((entry) => {
        const { Put, Update, Delete, ConditionCheck, Get } = asRecord(entry);
        return Put ? pk(asRecord(Put).Item) : pk(asRecord(Update ?? Delete ?? ConditionCheck ?? Get).Key);
      });
    default:
      // A Scan, or a command this guard does not know: no leading keys, which IAM refuses too.
      return [undefined];
  }
}

/** True when IAM's tenant session policy (infra/aws/tenant-data-role.ts) would allow this partition. */
export function allowedFor(tenantId: string, partition: unknown): boolean {
  if (typeof partition !== 'string') return false;
  const own = tenantPartition(tenantId);
  return (
    partition === own || partition.startsWith(`${own}#`) || partition.startsWith(PARTNERSHIP_NAME_PREFIX)
  );
}

/**
 * The local stack's tenant tables: the same table and local credentials, but each command is
 * checked against the tenant session's leading keys first, so a member's request that would
 * reach outside its partition in AWS (an AccessDeniedException there) fails the same way here.
 */
export function leadingKeysGuard(table: Table): TenantTables {
  const guarded = new Map<string, Table>();
  return {
    forTenant: async (tenantId) => {
      const known = guarded.get(tenantId);
      if (known) return known;
      const db = new Proxy(table.db, {
        get(target, property, receiver) {
          if (property !== 'send') return Reflect.get(target, property, receiver);
          return (command: { input: Input; constructor: { name: string } }, ...rest: unknown[]) => {
            const name = command.constructor.name;
            for (const partition of leadingKeysOf(name, command.input)) {
              if (!allowedFor(tenantId, partition)) {
                return Promise.reject(new LeadingKeysDenied(tenantId, String(partition), name));
              }
            }
            return (target.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
          };
        },
      });
      const scoped: Table = { name: table.name, db };
      guarded.set(tenantId, scoped);
      return scoped;
    },
  };
}
