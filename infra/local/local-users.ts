import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { IdentityAdmin, Mailer } from '../../shared/adapters/ports.ts';
import { failedConditions } from '../../shared/data/dynamo-errors.ts';
import { keys } from '../../shared/data/keys.ts';
import type { Table } from '../../shared/data/table.ts';
import { Duplicate } from '../../shared/errors.ts';

/** A user of the local OpenID Connect provider (the local stand-in for a Cognito user). */
export interface LocalUser {
  sub: string;
  email: string;
  name: string;
  tenantId?: string;
  groups: string[];
  disabled?: boolean;
}

/**
 * The local provider's users, kept in the same table under their own partition so they
 * survive restarts like everything else. Local stack only.
 */
export class LocalUserStore {
  constructor(private readonly table: Table) {}

  /** Finds a user by email (case-insensitive). */
  async byEmail(email: string): Promise<LocalUser | undefined> {
    const link = await this.get(keys.localUserByEmail(email));
    return link ? this.bySub(String(link.sub)) : undefined;
  }

  /** Finds a user by subject. */
  async bySub(sub: string): Promise<LocalUser | undefined> {
    const item = await this.get(keys.localUserBySub(sub));
    if (!item) return undefined;
    return {
      sub: String(item.sub),
      email: String(item.email),
      name: String(item.name),
      tenantId: item.tenantId === undefined ? undefined : String(item.tenantId),
      groups: (item.groups as string[] | undefined) ?? [],
    };
  }

  /** Adds a user; Duplicate when the email already has one. */
  async add(user: Omit<LocalUser, 'sub'> & { sub?: string }): Promise<LocalUser> {
    const created: LocalUser = { ...user, email: user.email.toLowerCase(), sub: user.sub ?? randomUUID() };
    try {
      await this.table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.name,
                Item: { ...keys.localUserByEmail(created.email), type: 'localUserEmail', sub: created.sub },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.table.name,
                Item: { ...keys.localUserBySub(created.sub), type: 'localUser', ...created },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (failedConditions(error)?.length)
        throw new Duplicate(`${created.email} already has an account with this service.`);
      throw error;
    }
    return created;
  }

  /** Removes a user by subject; missing users are ignored. */
  async remove(sub: string): Promise<void> {
    const user = await this.bySub(sub);
    if (!user) return;
    await this.table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.table.name, Key: keys.localUserBySub(sub) } },
          { Delete: { TableName: this.table.name, Key: keys.localUserByEmail(user.email) } },
        ],
      }),
    );
  }

  private async get(key: { PK: string; SK: string }) {
    const result = await this.table.db.send(
      new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }),
    );
    return result.Item;
  }
}

/** Invites users into the local provider and mails the invitation to the local mail sink. */
export function localIdentityAdmin(store: LocalUserStore, mailer: Mailer, appUrl: string): IdentityAdmin {
  return {
    async inviteUser(input) {
      const user = await store.add({
        email: input.email,
        name: input.name,
        tenantId: input.tenantId,
        groups: [],
      });
      await mailer.send({
        to: [user.email],
        subject: 'You have been invited to Continuity',
        text: [
          `You have been added to ${input.partnershipName} on Continuity as ${input.role}.`,
          '',
          `Sign in at ${appUrl} with this email address.`,
          'In the local stack every user signs in with the local password that `npm start` prints.',
        ].join('\n'),
      });
      return { userId: user.sub };
    },
    removeUser: (userId) => store.remove(userId),
  };
}
