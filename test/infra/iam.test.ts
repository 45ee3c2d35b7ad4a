import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes.ts';
import { type ContinuityStack, TENANT_ROLE_VARIABLE } from '../../infra/aws/continuity-stack.ts';
import { IDENTITY_ACTIONS, routeAccess } from '../../infra/aws/route-access.ts';
import {
  declaredRouteOperations,
  READ_ACTIONS,
  routeTableAccess,
  type TableAccess,
  WORKER_TABLE_ACCESS,
  workerTableAccess,
} from '../../infra/aws/table-access.ts';
import { TENANT_LEADING_KEYS } from '../../infra/aws/tenant-data-role.ts';
import { workerAccess } from '../../infra/aws/worker-access.ts';
import { asList, logicalIdOf, referencedIds, synthContinuity } from './synth-continuity.ts';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Principal?: unknown;
}
interface PolicyResource {
  Type: string;
  Properties: { PolicyDocument: { Statement: Statement[] }; Roles: unknown[] };
}

describe('IAM permissions', () => {
  let template: Template;
  let stack: ContinuityStack;
  let policies: PolicyResource[];
  let tableId: string;

  beforeAll(() => {
    ({ template, stack } = synthContinuity());
    policies = Object.values(template.toJSON().Resources as Record<string, PolicyResource>).filter(
      (resource) => resource.Type === 'AWS::IAM::Policy',
    );
    tableId = logicalIdOf(stack, stack.data.table);
  });

  /** The allow statements of the policies attached to one role. */
  const statementsOf = (roleId: string): Statement[] =>
    policies
      .filter((policy) => referencedIds(policy.Properties.Roles).includes(roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => statement.Effect === 'Allow');
  const allStatements = (): Statement[] =>
    policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
  const touchesTable = (statement: Statement): boolean => referencedIds(statement.Resource).includes(tableId);
  const roleOf = (operationId: string): string =>
    logicalIdOf(stack, stack.api.functions.get(operationId)!.role);

  it('grants table access only with named DynamoDB actions, never dynamodb:* or *', () => {
    const onTable = allStatements().filter(touchesTable);
    expect(onTable.length).toBeGreaterThan(0);
    for (const statement of onTable) {
      for (const action of asList(statement.Action)) {
        expect(action).not.toBe('*');
        expect(action).not.toBe('dynamodb:*');
        expect(action).toMatch(/^dynamodb:[A-Z]/);
      }
    }
  });

  it('never pairs table actions with Resource "*"', () => {
    for (const statement of allStatements()) {
      const actions = asList(statement.Action);
      if (!actions.some((action) => action.startsWith('dynamodb:'))) continue;
      expect(asList(statement.Resource)).not.toContain('*');
      expect(touchesTable(statement)).toBe(true);
    }
  });

  it('has no statement anywhere that allows every action', () => {
    for (const statement of allStatements().filter((s) => s.Effect === 'Allow')) {
      expect(asList(statement.Action)).not.toContain('*');
    }
  });

  it('gives signed-in routes the table, its key and the cursor key; public routes get none of them', () => {
    const keyId = logicalIdOf(stack, stack.data.key);
    for (const route of routes) {
      const statements = statementsOf(roleOf(route.operationId));
      const resources = statements.flatMap((statement) => referencedIds(statement.Resource));
      const actions = statements.flatMap((statement) => asList(statement.Action));
      const signedIn = route.roles !== 'public';
      expect(resources.includes(tableId), route.operationId).toBe(signedIn);
      expect(resources.includes(keyId), route.operationId).toBe(signedIn);
      expect(actions.includes('secretsmanager:GetSecretValue'), route.operationId).toBe(signedIn);
    }
  });

  it('reads the cursor key with GetSecretValue on that secret only', () => {
    const secretId = logicalIdOf(stack, stack.cursorSecret.secret);
    const onSecret = allStatements().filter((statement) =>
      asList(statement.Action).some((action) => action.startsWith('secretsmanager:')),
    );
    for (const statement of onSecret) {
      expect(statement.Action).toBe('secretsmanager:GetSecretValue');
      expect(statement.Resource).toEqual({ Ref: secretId });
    }
  });

  it('lets only the routes that invite or remove users call Cognito, with exactly the calls they make', () => {
    const poolId = logicalIdOf(stack, stack.identity.userPool);
    expect(Object.keys(IDENTITY_ACTIONS).sort()).toEqual([
      'createMember',
      'createPartnership',
      'deleteMember',
      'offboardPartnership',
    ]);
    for (const route of routes) {
      const cognito = statementsOf(roleOf(route.operationId)).filter((statement) =>
        asList(statement.Action).some((action) => action.startsWith('cognito-idp:')),
      );
      const expected = IDENTITY_ACTIONS[route.operationId];
      if (expected) {
        expect(cognito, route.operationId).toHaveLength(1);
        expect(asList(cognito[0]!.Action).sort()).toEqual([...expected].sort());
        expect(cognito[0]!.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
      } else {
        expect(cognito, route.operationId).toEqual([]);
      }
    }
    // Nobody may put a user in a group (the operators group above all) or change attributes.
    const everyAction = allStatements().flatMap((statement) => asList(statement.Action));
    expect(
      everyAction.filter((action) => /^cognito-idp:Admin(AddUserToGroup|UpdateUserAttributes)/.test(action)),
    ).toEqual([]);
  });

  it('lets no route send mail through SES: Cognito mails invitations itself', () => {
    for (const route of routes) {
      const ses = statementsOf(roleOf(route.operationId)).filter((statement) =>
        asList(statement.Action).some((action) => action.startsWith('ses:')),
      );
      expect(ses, route.operationId).toEqual([]);
    }
  });

  it('gives each route function a role of its own with no managed policies', () => {
    const roleIds = routes.map((route) => roleOf(route.operationId));
    expect(new Set(roleIds).size).toBe(routes.length);
    const roles = template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
    for (const roleId of roleIds) expect(roles[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
  });

  /**
   * The DynamoDB actions a role holds, by resource: `table` for the table itself and
   * `index/<name>` for an index (whatever way CDK merged the statements).
   */
  const tableGrantsOf = (roleId: string): Record<string, string[]> => {
    const grants: Record<string, Set<string>> = {};
    for (const statement of statementsOf(roleId)) {
      const actions = asList(statement.Action).filter((action) => action.startsWith('dynamodb:'));
      if (actions.length === 0) continue;
      for (const resource of asList(statement.Resource)) {
        const name = tableResourceName(resource, tableId);
        grants[name] ??= new Set();
        for (const action of actions) grants[name].add(action);
      }
    }
    return Object.fromEntries(Object.entries(grants).map(([name, actions]) => [name, [...actions].sort()]));
  };
  /** What tableGrantsOf() must find for a declared access. */
  const expectedGrants = (access: TableAccess | undefined): Record<string, string[]> => {
    if (!access) return {};
    return {
      ...(access.table.length ? { table: [...access.table].sort() } : {}),
      ...Object.fromEntries(access.indexes.map((index) => [`index/${index}`, ['dynamodb:Query']])),
    };
  };
  const workerRoles = (): [string, { node: { defaultChild?: unknown } }][] => [
    ['sweep', stack.jobs.functions.get('alert-sweep')!.role],
    ['retention', stack.jobs.functions.get('retention-purge')!.role],
    ['notify', stack.eventRules.functions.get('notify')!.role],
    ['import-worker', stack.eventRules.functions.get('import-worker')!.role],
    ['hmpps-ingest', stack.hmpps.fn.role],
  ];

  describe('table access per function (infra/aws/table-access.ts)', () => {
    it.each(routes.map((route) => [route.operationId, route] as const))(
      'route %s gets exactly its declared table actions and index queries',
      (operationId, route) => {
        expect(tableGrantsOf(roleOf(operationId))).toEqual(expectedGrants(routeTableAccess(route)));
      },
    );

    it('gives every worker exactly its declared table actions and index queries', () => {
      expect(
        workerRoles()
          .map(([module]) => module)
          .sort(),
      ).toEqual(Object.keys(WORKER_TABLE_ACCESS).sort());
      for (const [module, role] of workerRoles()) {
        expect(tableGrantsOf(logicalIdOf(stack, role)), module).toEqual(
          expectedGrants(workerTableAccess(module)),
        );
      }
    });

    it('declares what the code does (spot checks read from the handlers)', () => {
      const byId = (operationId: string) => routes.find((route) => route.operationId === operationId)!;
      // A person-level read writes its audit record in a batch, and nothing else.
      expect(expectedGrants(routeTableAccess(byId('getPerson')))).toEqual({
        table: ['dynamodb:BatchWriteItem', 'dynamodb:GetItem'],
      });
      // An idempotent create keeps its response: Get, Put, Update and Delete of its record.
      expect(expectedGrants(routeTableAccess(byId('createPartnership')))).toEqual({
        table: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      });
      // The operator's partnership list is a GSI1 query; the member lookup is a GetItem.
      expect(expectedGrants(routeTableAccess(byId('listPartnerships')))).toEqual({
        table: ['dynamodb:GetItem'],
        'index/GSI1': ['dynamodb:Query'],
      });
      expect(expectedGrants(routeTableAccess(byId('listReferrals')))).toEqual({
        table: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem'],
        'index/GSI1': ['dynamodb:Query'],
      });
      expect(expectedGrants(routeTableAccess(byId('getContinuityReport')))).toEqual({
        table: ['dynamodb:GetItem', 'dynamodb:Query'],
        'index/GSI2': ['dynamodb:Query'],
      });
      expect(expectedGrants(workerTableAccess('sweep'))).toEqual({
        table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        'index/DueIndex': ['dynamodb:Query'],
      });
      expect(expectedGrants(workerTableAccess('hmpps-ingest'))).toEqual({
        table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        'index/GSI1': ['dynamodb:Query'],
      });
    });

    it('never names TransactWriteItems, Scan or a table-level wildcard (transactions are authorised per item)', () => {
      const actions = allStatements().flatMap((statement) => asList(statement.Action));
      expect(actions.filter((action) => /^dynamodb:(Transact|Scan|\*|PartiQL)/.test(action))).toEqual([]);
      for (const statement of allStatements()) {
        if (!asList(statement.Action).some((action) => action.startsWith('dynamodb:'))) continue;
        expect(JSON.stringify(statement.Resource)).not.toContain('/index/*');
      }
    });

    it('lets only the sweep read the due index, and only with Query', () => {
      const readers = policies
        .filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes('/index/DueIndex'))
        .flatMap((policy) => referencedIds(policy.Properties.Roles));
      expect(readers).toEqual([logicalIdOf(stack, stack.jobs.functions.get('alert-sweep')!.role)]);
      const sweep = tableGrantsOf(readers[0]!);
      expect(sweep['index/DueIndex']).toEqual(['dynamodb:Query']);
      expect(Object.keys(sweep).sort()).toEqual(['index/DueIndex', 'table']);
    });

    it('gives read-only functions only decrypt on the table key, through DynamoDB only', () => {
      const keyId = logicalIdOf(stack, stack.data.key);
      for (const route of routes) {
        const access = routeTableAccess(route);
        if (!access) continue;
        const onKey = statementsOf(roleOf(route.operationId)).filter((statement) =>
          referencedIds(statement.Resource).includes(keyId),
        );
        expect(onKey, route.operationId).toHaveLength(1);
        const readOnly = access.table.every((action) => READ_ACTIONS.includes(action));
        expect(asList(onKey[0]!.Action).includes('kms:Encrypt'), route.operationId).toBe(!readOnly);
        expect(onKey[0]!.Condition).toEqual({
          StringEquals: { 'kms:ViaService': 'dynamodb.eu-west-2.amazonaws.com' },
        });
      }
    });

    it('declares table access only for routes that exist, and refuses modules it does not know', () => {
      const operationIds = new Set(routes.map((route) => route.operationId));
      expect(declaredRouteOperations().filter((operationId) => !operationIds.has(operationId))).toEqual([]);
      expect(() => workerAccess('pre-token')).toThrow(/table-access\.ts/);
      expect(() =>
        routeTableAccess({ ...routes.find((route) => route.roles !== 'public')!, operationId: 'newRoute' }),
      ).toThrow(/newRoute/);
    });
  });

  describe('tenant-scoped data role (dynamodb:LeadingKeys)', () => {
    const resources = () =>
      template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
    const tenantRoleId = () => logicalIdOf(stack, stack.tenantRole.role);

    it('limits every table and index statement to the partition keys of the session tag tenantId', () => {
      const statements = statementsOf(tenantRoleId()).filter((statement) =>
        asList(statement.Action).some((action) => action.startsWith('dynamodb:')),
      );
      expect(statements.length).toBeGreaterThanOrEqual(2);
      for (const statement of statements) {
        expect(statement.Condition).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...TENANT_LEADING_KEYS] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        });
      }
      // IAM policy variables, resolved by IAM per request from the session tag.
      const tag = '$' + '{aws:PrincipalTag/tenantId}';
      expect(TENANT_LEADING_KEYS).toEqual([`T#${tag}`, `T#${tag}#*`]);
      // The member-facing routes' union: never the due index, never a scan.
      const grants = tableGrantsOf(tenantRoleId());
      expect(Object.keys(grants).sort()).toEqual(['index/GSI1', 'index/GSI2', 'table']);
      expect(grants.table).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ]);
    });

    it('is assumable only from the API role path, with a tenantId session tag and no other tag', () => {
      const trust = (
        resources()[tenantRoleId()]!.Properties.AssumeRolePolicyDocument as { Statement: Statement[] }
      ).Statement;
      expect(trust).toHaveLength(1);
      expect(asList(trust[0]!.Action).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      expect(JSON.stringify(trust[0]!.Principal)).toContain(':root');
      expect(JSON.stringify(trust[0]!.Condition!.ArnLike)).toContain(':role/continuity/Continuity/api/*');
      expect(trust[0]!.Condition).toMatchObject({
        StringLike: { 'aws:RequestTag/tenantId': '?*' },
        StringNotLike: { 'aws:RequestTag/tenantId': '*#*' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenantId'] },
      });
      for (const route of routes) {
        const fn = stack.api.functions.get(route.operationId)!;
        expect(resources()[logicalIdOf(stack, fn.role)]!.Properties.Path).toBe('/continuity/Continuity/api/');
      }
    });

    it('lets the member-facing routes (and only them) assume it, and tells them its ARN', () => {
      const roleArn = { 'Fn::GetAtt': [tenantRoleId(), 'Arn'] };
      for (const route of routes) {
        const fn = stack.api.functions.get(route.operationId)!;
        const assume = statementsOf(roleOf(route.operationId)).filter((statement) =>
          asList(statement.Action).some((action) => action.startsWith('sts:')),
        );
        const variables = (
          resources()[logicalIdOf(stack, fn.fn)]!.Properties.Environment as {
            Variables: Record<string, unknown>;
          }
        ).Variables;
        if (routeAccess(route).tenantRole) {
          expect(assume, route.operationId).toEqual([
            { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: roleArn },
          ]);
          expect(variables[TENANT_ROLE_VARIABLE], route.operationId).toEqual(roleArn);
        } else {
          expect(assume, route.operationId).toEqual([]);
        }
      }
      expect(routeAccess(routes.find((route) => route.operationId === 'listPartnerships')!).tenantRole).toBe(
        false,
      );
      expect(routeAccess(routes.find((route) => route.operationId === 'getPerson')!).tenantRole).toBe(true);
      // No worker may: they act for the service across partnerships.
      for (const [, role] of workerRoles()) {
        const actions = statementsOf(logicalIdOf(stack, role)).flatMap((statement) =>
          asList(statement.Action),
        );
        expect(actions.filter((action) => action.startsWith('sts:'))).toEqual([]);
      }
    });
  });
});

/** `table` for the table's ARN, `index/<name>` for one of its indexes, else the raw value. */
function tableResourceName(resource: unknown, tableId: string): string {
  const tableArn = JSON.stringify({ 'Fn::GetAtt': [tableId, 'Arn'] });
  if (JSON.stringify(resource) === tableArn) return 'table';
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join && join[0] === '' && join[1].length === 2 && JSON.stringify(join[1][0]) === tableArn) {
    const suffix = String(join[1][1]);
    if (suffix.startsWith('/index/')) return suffix.slice(1);
  }
  return JSON.stringify(resource);
}
