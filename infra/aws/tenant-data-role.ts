import { Stack } from 'aws-cdk-lib';
import { AccountRootPrincipal, type IGrantable, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PARTNERSHIP_NAME_PREFIX } from '../../shared/data/keys.ts';
import type { DataTable } from './table.ts';
import { type TableAccess, writes } from './table-access.ts';

/** The session tag that names the partnership a role session acts for. */
export const TENANT_TAG = 'tenantId';

/**
 * Partition keys a tenant session may touch: the tenant's own partition `T#<id>` and every key
 * under it (`T#<id>#PEOPLE#...` on GSI1, `T#<id>#RELEASED#...` on GSI2). These are IAM policy
 * variables, resolved per request from the session tag, not template strings.
 */
export const TENANT_LEADING_KEYS = [
  `T#\${aws:PrincipalTag/${TENANT_TAG}}`,
  `T#\${aws:PrincipalTag/${TENANT_TAG}}#*`,
] as const;

/** An IAM policy document passed with AssumeRole, narrowing one session. */
export interface SessionPolicy {
  Version: '2012-10-17';
  Statement: { Effect: 'Allow'; Action: string | string[]; Resource: unknown; Condition?: unknown }[];
}

/**
 * The one shared partition kind a tenant session may reach: the partnership-name locks, which a
 * chair's rename moves (shared/data/partnerships-repo.ts) and which must be unique across tenants.
 */
export const NAME_LOCK_LEADING_KEYS = [`${PARTNERSHIP_NAME_PREFIX}*`] as const;
/** What a rename does with name locks: reads the old one, puts the new one, deletes the old one. */
const NAME_LOCK_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'] as const;

export interface TenantDataRoleProps {
  data: DataTable;
  /** The union of what the member-facing API functions do with the table. */
  access: TableAccess;
  /** IAM path of the roles allowed to assume it (the API functions' roles). */
  assumerRolePath: string;
  /** Some member route moves partnership-name locks (RouteAccess `nameLocks`). */
  nameLocks: boolean;
}

/** The condition that keeps a statement to the session's own tenant. */
const TENANT_KEYS_ONLY = {
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...TENANT_LEADING_KEYS] },
  // ForAllValues holds for a request with no keys at all; require the keys to be there.
  Null: { 'dynamodb:LeadingKeys': 'false' },
};

/**
 * A role for one partnership at a time. An API function assumes it per request with the session
 * tag `tenantId` set to the verified token's tenant; IAM then refuses any item, query or batch
 * whose partition key is not that tenant's (`dynamodb:LeadingKeys`), whatever key the code built.
 * Only roles under the API's path may assume it (and only those granted sts:AssumeRole on it),
 * only with a non-empty `tenantId` tag and no other tags, and never for the cross-tenant
 * partitions (the partnership list, prison numbers, the due index, the operator's records) but
 * the partnership-name locks, and those only to read, put and delete.
 */
export class TenantDataRole extends Construct {
  readonly role: Role;
  private readonly data: DataTable;

  constructor(scope: Construct, id: string, props: TenantDataRoleProps) {
    super(scope, id);
    this.data = props.data;
    const stack = Stack.of(this);
    const assumers = `arn:${stack.partition}:iam::${stack.account}:role${props.assumerRolePath}*`;
    this.role = new Role(this, 'Role', {
      description: 'Continuity: table access for one partnership, named by the tenantId session tag',
      assumedBy: new AccountRootPrincipal()
        .withConditions({
          ArnLike: { 'aws:PrincipalArn': assumers },
          // A tenant id is never empty and never holds the key delimiter.
          StringLike: { [`aws:RequestTag/${TENANT_TAG}`]: '?*' },
          StringNotLike: { [`aws:RequestTag/${TENANT_TAG}`]: '*#*' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [TENANT_TAG] },
        })
        .withSessionTags(),
    });

    const leadingKeys = TENANT_KEYS_ONLY;
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...props.access.table],
        resources: [props.data.table.tableArn],
        conditions: leadingKeys,
      }),
    );
    if (props.access.indexes.length > 0) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: props.access.indexes.map((index) => props.data.indexArn(index)),
          conditions: leadingKeys,
        }),
      );
    }
    // Name locks only with the actions a rename needs, and only on their own partitions.
    const lockActions = NAME_LOCK_ACTIONS.filter((action) => props.access.table.includes(action));
    if (props.nameLocks && lockActions.length > 0) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...lockActions],
          resources: [props.data.table.tableArn],
          conditions: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...NAME_LOCK_LEADING_KEYS] },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        }),
      );
    }
    this.role.addToPrincipalPolicy(props.data.keyStatement(writes(props.access)));
  }

  /**
   * The session policy one function passes when it assumes this role: its own routes' actions
   * on the table and its indexes, and no more. A session holds the intersection of this and the
   * role's policy, so each function keeps its least privilege while IAM keeps it to one tenant.
   * A function whose routes never move partnership-name locks gets the tenant's leading keys in
   * its session policy too, so the role's one exception is the partnership function's alone.
   */
  sessionPolicy(access: TableAccess, nameLocks = false): SessionPolicy {
    const statements: PolicyStatement[] = [];
    if (access.table.length > 0) {
      statements.push(
        new PolicyStatement({
          actions: [...access.table].sort(),
          resources: [this.data.table.tableArn],
          ...(nameLocks ? {} : { conditions: TENANT_KEYS_ONLY }),
        }),
      );
    }
    if (access.indexes.length > 0) {
      statements.push(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: [...access.indexes].sort().map((index) => this.data.indexArn(index)),
        }),
      );
    }
    // The table key too: a session holds only what both policies allow, and DynamoDB uses the
    // key on the caller's behalf (decrypt for a reader, encrypt as well for a writer).
    if (statements.length > 0) statements.push(this.data.keyStatement(writes(access)));
    return {
      Version: '2012-10-17',
      Statement: statements.map(
        (statement) => statement.toStatementJson() as SessionPolicy['Statement'][number],
      ),
    };
  }

  /** Lets a function's role start tenant sessions of this role (sts:AssumeRole with sts:TagSession). */
  grantAssume(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [this.role.roleArn],
      }),
    );
  }
}
