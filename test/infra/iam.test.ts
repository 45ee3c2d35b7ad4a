import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes as routeMap, routeList as routes } from '../../functions/api/routes.ts';
import { type ContinuityStack, TENANT_ROLE_VARIABLE } from '../../infra/aws/continuity-stack.ts';
import { type FunctionAccess, functionAccess, routeAccess } from '../../infra/aws/function-access.ts';
import {
  READ_ACTIONS,
  routeTableAccess,
  type TableAccess,
  unionTableAccess,
  WORKER_TABLE_ACCESS,
  workerTableAccess,
  writes,
} from '../../infra/aws/table-access.ts';
import { NAME_LOCK_LEADING_KEYS, TENANT_LEADING_KEYS } from '../../infra/aws/tenant-data-role.ts';
import { workerAccess } from '../../infra/aws/worker-access.ts';
import { API_FEATURES, type ApiFeature, type RouteDef } from '../../shared/http/route-def.ts';
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
  /** The routes one feature function serves. */
  const routesOf = (feature: ApiFeature): RouteDef[] => routes.filter((route) => route.feature === feature);
  /** The role of a feature's function. */
  const roleOf = (feature: ApiFeature): string => logicalIdOf(stack, stack.api.functions.get(feature)!.role);
  /** Every declared feature, each with a function (api-routes.test.ts checks there are no others). */
  const features = API_FEATURES;

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

  it('gives signed-in functions the cursor key, the operator’s the table and its key, member-facing ones only tenant sessions; the public function gets none of them', () => {
    const keyId = logicalIdOf(stack, stack.data.key);
    for (const feature of features) {
      const statements = statementsOf(roleOf(feature));
      const resources = statements.flatMap((statement) => referencedIds(statement.Resource));
      const actions = statements.flatMap((statement) => asList(statement.Action));
      const signedIn = routesOf(feature).some((route) => route.roles !== 'public');
      const operatorOnly = signedIn && !functionAccess(routesOf(feature)).tenantRole;
      expect(resources.includes(tableId), feature).toBe(operatorOnly);
      expect(resources.includes(keyId), feature).toBe(operatorOnly);
      expect(actions.includes('sts:AssumeRole'), feature).toBe(signedIn && !operatorOnly);
      expect(actions.includes('secretsmanager:GetSecretValue'), feature).toBe(signedIn);
    }
  });

  it('serves every public route, and only those, from the public function, which may only write its logs', () => {
    expect(routes.filter((route) => route.roles === 'public').map((route) => route.feature)).toEqual(
      routesOf('public').map(() => 'public'),
    );
    expect(routesOf('public').length).toBeGreaterThan(0);
    for (const route of routesOf('public')) {
      expect(route.roles, route.operationId).toBe('public');
      expect(route.access, route.operationId).toBeUndefined();
    }
    const fn = stack.api.functions.get('public')!;
    const logGroupId = logicalIdOf(stack, fn.logGroup);
    for (const statement of statementsOf(roleOf('public'))) {
      expect(asList(statement.Action).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      expect(referencedIds(statement.Resource)).toEqual([logGroupId]);
    }
    expect(functionAccess(routesOf('public'))).toEqual({
      table: undefined,
      tenantTable: undefined,
      nameLocks: false,
      cursorKey: false,
      identityActions: [],
      sendMail: false,
      publishEvents: false,
      tenantRole: false,
    });
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

  it('lets only the functions whose routes invite or remove users call Cognito, with exactly the calls they make', () => {
    const poolId = logicalIdOf(stack, stack.identity.userPool);
    const declaring = Object.fromEntries(
      routes
        .filter((route) => (route.access?.identity ?? []).length > 0)
        .map((route) => [route.operationId, [...route.access!.identity!].sort()]),
    );
    expect(declaring).toEqual({
      createPartnership: ['AdminCreateUser', 'AdminDeleteUser'],
      offboardPartnership: ['AdminDeleteUser'],
      createMember: ['AdminCreateUser', 'AdminDeleteUser'],
      deleteMember: ['AdminDeleteUser'],
    });
    const callers: string[] = [];
    for (const feature of features) {
      const cognito = statementsOf(roleOf(feature)).filter((statement) =>
        asList(statement.Action).some((action) => action.startsWith('cognito-idp:')),
      );
      const expected = [...new Set(routesOf(feature).flatMap((route) => route.access?.identity ?? []))].map(
        (action) => `cognito-idp:${action}`,
      );
      if (expected.length > 0) {
        callers.push(feature);
        expect(cognito, feature).toHaveLength(1);
        expect(asList(cognito[0]!.Action).sort(), feature).toEqual(expected.sort());
        expect(cognito[0]!.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
      } else {
        expect(cognito, feature).toEqual([]);
      }
    }
    expect(callers.sort()).toEqual(['admin', 'partnership']);
    // Nobody may put a user in a group (the operators group above all) or change attributes.
    const everyAction = allStatements().flatMap((statement) => asList(statement.Action));
    expect(
      everyAction.filter((action) => /^cognito-idp:Admin(AddUserToGroup|UpdateUserAttributes)/.test(action)),
    ).toEqual([]);
  });

  it('lets no API function send mail through SES: Cognito mails invitations itself', () => {
    for (const feature of features) {
      const ses = statementsOf(roleOf(feature)).filter((statement) =>
        asList(statement.Action).some((action) => action.startsWith('ses:')),
      );
      expect(ses, feature).toEqual([]);
    }
  });

  it('gives each feature function a role of its own with no managed policies', () => {
    const roleIds = features.map((feature) => roleOf(feature));
    expect(new Set(roleIds).size).toBe(features.length);
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
    /** The grants of a member-facing function's tenant sessions: its session policy, read back. */
    const sessionGrantsOf = (feature: ApiFeature): Record<string, string[]> => {
      const grants: Record<string, string[]> = {};
      for (const statement of stack.api.sessionPolicies.get(feature)?.Statement ?? []) {
        const actions = asList(statement.Action as string | string[]).filter((action) =>
          action.startsWith('dynamodb:'),
        );
        if (actions.length === 0) continue;
        for (const resource of asList(stack.resolve(statement.Resource))) {
          grants[tableResourceName(resource, tableId)] = [...actions].sort();
        }
      }
      return grants;
    };

    it.each(features)(
      "the %s function reaches the table with exactly the union of its routes' table actions and index queries",
      (feature) => {
        const union = unionTableAccess(routesOf(feature).map(routeTableAccess));
        const memberFacing = functionAccess(routesOf(feature)).tenantRole;
        // Member-facing functions hold no table permission of their own: only tenant sessions,
        // narrowed by their session policy; the operator's function uses its own role.
        expect(tableGrantsOf(roleOf(feature))).toEqual(memberFacing ? {} : expectedGrants(union));
        expect(sessionGrantsOf(feature)).toEqual(memberFacing ? expectedGrants(union) : {});
        // No more than its routes: every action and index granted is one some route of it needs.
        for (const action of union?.table ?? []) {
          expect(
            routesOf(feature).some((route) => routeTableAccess(route)!.table.includes(action)),
            `${feature}: ${action}`,
          ).toBe(true);
        }
      },
    );

    it('grants each feature only what its own routes declare (spot checks of the unions)', () => {
      // Reports only read: the settings, the areas and the month cohorts on GSI2.
      expect(sessionGrantsOf('reports')).toEqual({
        table: ['dynamodb:GetItem', 'dynamodb:Query'],
        'index/GSI2': ['dynamodb:Query'],
      });
      // Only the sweep reads the due index; only case and report functions read GSI2.
      for (const feature of features) {
        expect(Object.keys(tableGrantsOf(roleOf(feature))), feature).not.toContain('index/DueIndex');
        expect(Object.keys(sessionGrantsOf(feature)), feature).not.toContain('index/DueIndex');
      }
      expect(Object.keys(tableGrantsOf(roleOf('admin')))).not.toContain('index/GSI2');
      expect(Object.keys(sessionGrantsOf('alerts'))).not.toContain('index/GSI2');
    });

    it('keeps every member-facing session to its tenant’s keys, but the partnership function’s name-lock moves', () => {
      const tenantOnly = {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...TENANT_LEADING_KEYS] },
        Null: { 'dynamodb:LeadingKeys': 'false' },
      };
      const movers: string[] = [];
      for (const feature of features) {
        const policy = stack.api.sessionPolicies.get(feature);
        if (!policy) continue;
        const onTable = policy.Statement.filter((statement) =>
          asList(statement.Action).some(
            (action) => action !== 'dynamodb:Query' && action.startsWith('dynamodb:'),
          ),
        );
        expect(onTable, feature).toHaveLength(1);
        if (functionAccess(routesOf(feature)).nameLocks) movers.push(feature);
        else expect(onTable[0]!.Condition, feature).toEqual(tenantOnly);
      }
      // Only the chair's rename moves a name lock.
      expect(movers).toEqual(['partnership']);
      expect(routes.filter((route) => route.access?.nameLocks).map((route) => route.operationId)).toEqual([
        'updatePartnership',
      ]);
    });

    it('tells each member-facing function its session policy, and no other function', () => {
      for (const feature of features) {
        const fn = stack.api.functions.get(feature)!;
        const variables = (
          (template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>)[
            logicalIdOf(stack, fn.fn)
          ]!.Properties.Environment as { Variables: Record<string, unknown> }
        ).Variables;
        const memberFacing = functionAccess(routesOf(feature)).tenantRole;
        expect(variables.TENANT_SESSION_POLICY !== undefined, feature).toBe(memberFacing);
        if (!memberFacing) continue;
        expect(JSON.stringify(variables.TENANT_SESSION_POLICY)).toContain('dynamodb:');
        // STS takes a session policy of at most 2,048 characters: measure with ARNs of real length.
        const arn =
          'arn:aws:dynamodb:eu-west-2:123456789012:table/Continuity-DataTableFDBAD0F2-1ABCDEFGHIJKL';
        const policy = JSON.stringify(stack.resolve(stack.api.sessionPolicies.get(feature))).replace(
          /\{"Fn::GetAtt":\["[^"]+","Arn"\]\}/g,
          JSON.stringify(arn),
        );
        expect(policy.length, feature).toBeLessThan(2048);
      }
    });

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
      const byId = (operationId: keyof typeof routeMap): RouteDef => routeMap[operationId];
      // A person-level read writes its audit record in a batch, and nothing else.
      expect(expectedGrants(routeTableAccess(byId('getPerson')))).toEqual({
        table: ['dynamodb:BatchWriteItem', 'dynamodb:GetItem'],
      });
      // An idempotent create keeps its response: Get, Put, Update and Delete of its record.
      // (and reads the partnership list, for names made before they had locks).
      expect(expectedGrants(routeTableAccess(byId('createPartnership')))).toEqual({
        table: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        'index/GSI1': ['dynamodb:Query'],
      });
      // The operator's partnership list is a GSI1 query; the member lookup is a GetItem.
      expect(expectedGrants(routeTableAccess(byId('listPartnerships')))).toEqual({
        table: ['dynamodb:GetItem'],
        'index/GSI1': ['dynamodb:Query'],
      });
      expect(expectedGrants(routeTableAccess(byId('listReferrals')))).toEqual({
        table: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem'],
        'index/GSI1': ['dynamodb:Query'],
        'index/GSI2': ['dynamodb:Query'],
      });
      // The worklist is one WorkIndex page per area.
      expect(expectedGrants(routeTableAccess(byId('getWorklist')))).toEqual({
        table: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem'],
        'index/WorkIndex': ['dynamodb:Query'],
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
      const readOnlyFeatures: string[] = [];
      for (const feature of features) {
        const declared = functionAccess(routesOf(feature));
        const access = declared.table ?? declared.tenantTable;
        if (!access) continue;
        // The operator's function holds the key in its own role; member-facing ones in their session policy.
        const onKey = declared.table
          ? statementsOf(roleOf(feature)).filter((statement) =>
              referencedIds(statement.Resource).includes(keyId),
            )
          : (stack.api.sessionPolicies.get(feature)?.Statement ?? [])
              .map((statement) => stack.resolve(statement) as Statement)
              .filter((statement) => referencedIds(statement.Resource).includes(keyId));
        expect(onKey, feature).toHaveLength(1);
        const readOnly = access.table.every((action) => READ_ACTIONS.includes(action));
        if (readOnly) readOnlyFeatures.push(feature);
        expect(asList(onKey[0]!.Action).includes('kms:Encrypt'), feature).toBe(!readOnly);
        expect(onKey[0]!.Condition).toEqual({
          StringEquals: { 'kms:ViaService': 'dynamodb.eu-west-2.amazonaws.com' },
        });
      }
      // The reports function only reads, so this checks both cases.
      expect(readOnlyFeatures).toEqual(['reports']);
    });

    it('declares access on every signed-in route and none on public ones, and refuses modules it does not know', () => {
      for (const route of routes) {
        expect(route.access === undefined, route.operationId).toBe(route.roles === 'public');
      }
      expect(() => workerAccess('pre-token')).toThrow(/table-access\.ts/);
      // A signed-in route that declares nothing gets only the caller's membership lookup.
      expect(routeTableAccess({ ...routeMap.getArea, operationId: 'newRoute', access: undefined })).toEqual({
        table: ['dynamodb:GetItem'],
        indexes: [],
      });
    });
  });

  describe('feature function policies (infra/aws/function-access.ts)', () => {
    /**
     * The access a role's policy grants, read back into a FunctionAccess. Every statement must be
     * one of the grants continuity-stack.ts makes for a FunctionAccess, or the function's own log
     * writes; anything else fails, so a function holds nothing its routes do not declare.
     */
    const grantedAccess = (feature: ApiFeature): FunctionAccess => {
      const fn = stack.api.functions.get(feature)!;
      const id = (construct: { node: { defaultChild?: unknown } }) => logicalIdOf(stack, construct);
      const arnOf = (construct: { node: { defaultChild?: unknown } }) => ({
        'Fn::GetAtt': [id(construct), 'Arn'],
      });
      const granted = {
        tableKey: false,
        tableKeyEncrypt: false,
        cursorSecret: false,
        cursorKey: false,
        identityActions: [] as string[],
        sendMail: false,
        publishEvents: false,
        tenantRole: false,
      };
      for (const statement of statementsOf(roleOf(feature))) {
        const actions = asList(statement.Action);
        const on = referencedIds(statement.Resource);
        const label = `${feature}: ${JSON.stringify(statement)}`;
        if (actions.every((action) => action.startsWith('dynamodb:'))) {
          expect(
            on.every((resource) => resource === tableId),
            label,
          ).toBe(true);
        } else if (on.length === 1 && on[0] === id(stack.data.key)) {
          granted.tableKey = true;
          granted.tableKeyEncrypt = actions.includes('kms:Encrypt');
        } else if (on.length === 1 && on[0] === id(fn.logGroup)) {
          expect(actions.sort(), label).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
        } else if (
          JSON.stringify(statement.Resource) === JSON.stringify({ Ref: id(stack.cursorSecret.secret) })
        ) {
          expect(actions, label).toEqual(['secretsmanager:GetSecretValue']);
          granted.cursorSecret = true;
        } else if (JSON.stringify(statement.Resource) === JSON.stringify(arnOf(stack.cursorSecret.key))) {
          expect(actions, label).toEqual(['kms:Decrypt']);
          granted.cursorKey = true;
        } else if (JSON.stringify(statement.Resource) === JSON.stringify(arnOf(stack.identity.userPool))) {
          expect(
            actions.every((action) => action.startsWith('cognito-idp:')),
            label,
          ).toBe(true);
          granted.identityActions.push(...actions);
        } else if (JSON.stringify(statement.Resource) === JSON.stringify(arnOf(stack.bus.bus))) {
          expect(actions, label).toEqual(['events:PutEvents']);
          granted.publishEvents = true;
        } else if (JSON.stringify(statement.Resource) === JSON.stringify(arnOf(stack.tenantRole.role))) {
          expect(actions.sort(), label).toEqual(['sts:AssumeRole', 'sts:TagSession']);
          granted.tenantRole = true;
        } else if (actions.some((action) => action.startsWith('ses:'))) {
          granted.sendMail = true;
        } else {
          expect.fail(`${label} is not a grant of a FunctionAccess`);
        }
      }
      const grants = tableGrantsOf(roleOf(feature));
      const table: TableAccess | undefined =
        Object.keys(grants).length === 0
          ? undefined
          : {
              table: (grants.table ?? []) as TableAccess['table'],
              indexes: Object.keys(grants)
                .filter((name) => name.startsWith('index/'))
                .map((name) => name.slice('index/'.length))
                .sort(),
            };
      // The table key comes with the table (encrypt only for writers); the secret with its key.
      expect(granted.tableKey, feature).toBe(table !== undefined);
      expect(granted.tableKeyEncrypt, feature).toBe(table !== undefined && writes(table));
      expect(granted.cursorKey, feature).toBe(granted.cursorSecret);
      return {
        table,
        // Read back from the session policy the function is told (its own role holds none).
        tenantTable: granted.tenantRole ? functionAccess(routesOf(feature)).tenantTable : undefined,
        nameLocks: granted.tenantRole ? functionAccess(routesOf(feature)).nameLocks : false,
        cursorKey: granted.cursorSecret,
        identityActions: granted.identityActions.sort(),
        sendMail: granted.sendMail,
        publishEvents: granted.publishEvents,
        tenantRole: granted.tenantRole,
      };
    };

    it.each(features)("the %s function's policy is exactly functionAccess() of its routes", (feature) => {
      const declared = functionAccess(routesOf(feature));
      expect(grantedAccess(feature)).toEqual({
        ...declared,
        table: declared.table && {
          table: [...declared.table.table].sort(),
          indexes: [...declared.table.indexes].sort(),
        },
        identityActions: [...declared.identityActions].sort(),
      });
    });

    it("is the union of its routes' routeAccess(), and no more", () => {
      for (const feature of features) {
        const own = routesOf(feature).map(routeAccess);
        const union = functionAccess(routesOf(feature));
        expect(union.table, feature).toEqual(unionTableAccess(own.map((access) => access.table)));
        expect(union.tenantTable, feature).toEqual(unionTableAccess(own.map((access) => access.tenantTable)));
        expect(union.cursorKey, feature).toBe(own.some((access) => access.cursorKey));
        expect(union.identityActions, feature).toEqual(
          [...new Set(own.flatMap((access) => access.identityActions))].sort(),
        );
        expect(union.publishEvents, feature).toBe(own.some((access) => access.publishEvents));
        expect(union.tenantRole, feature).toBe(own.some((access) => access.tenantRole));
        expect(union.sendMail, feature).toBe(false);
      }
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
      expect(statements.length).toBeGreaterThanOrEqual(3);
      const nameLocks = {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...NAME_LOCK_LEADING_KEYS] },
        Null: { 'dynamodb:LeadingKeys': 'false' },
      };
      for (const statement of statements) {
        // The one exception: the partnership-name locks a chair's rename moves, and only those actions.
        if (JSON.stringify(statement.Condition) === JSON.stringify(nameLocks)) {
          expect(asList(statement.Action).sort()).toEqual([
            'dynamodb:DeleteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
          ]);
          continue;
        }
        expect(statement.Condition).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...TENANT_LEADING_KEYS] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        });
      }
      expect(NAME_LOCK_LEADING_KEYS).toEqual(['PARTNERSHIPNAME#*']);
      expect(
        statements.filter((statement) => JSON.stringify(statement.Condition) === JSON.stringify(nameLocks)),
      ).toHaveLength(1);
      // IAM policy variables, resolved by IAM per request from the session tag.
      const tag = '$' + '{aws:PrincipalTag/tenantId}';
      expect(TENANT_LEADING_KEYS).toEqual([`T#${tag}`, `T#${tag}#*`]);
      // The member-facing routes' union: never the due index, never a scan.
      const grants = tableGrantsOf(tenantRoleId());
      expect(Object.keys(grants).sort()).toEqual(['index/GSI1', 'index/GSI2', 'index/WorkIndex', 'table']);
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
      for (const [feature, fn] of stack.api.functions) {
        expect(resources()[logicalIdOf(stack, fn.role)]!.Properties.Path, feature).toBe(
          '/continuity/Continuity/api/',
        );
      }
    });

    it('lets the functions of member-facing routes (and only them) assume it, and tells them its ARN', () => {
      const roleArn = { 'Fn::GetAtt': [tenantRoleId(), 'Arn'] };
      const assumers: string[] = [];
      for (const feature of features) {
        const fn = stack.api.functions.get(feature)!;
        const assume = statementsOf(roleOf(feature)).filter((statement) =>
          asList(statement.Action).some((action) => action.startsWith('sts:')),
        );
        const variables = (
          resources()[logicalIdOf(stack, fn.fn)]!.Properties.Environment as {
            Variables: Record<string, unknown>;
          }
        ).Variables;
        const memberFacing = routesOf(feature).some(
          (route) => route.roles !== 'public' && route.roles.some((role) => role !== 'operator'),
        );
        expect(functionAccess(routesOf(feature)).tenantRole, feature).toBe(memberFacing);
        if (memberFacing) {
          assumers.push(feature);
          expect(assume, feature).toEqual([
            { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: roleArn },
          ]);
          expect(variables[TENANT_ROLE_VARIABLE], feature).toEqual(roleArn);
        } else {
          expect(assume, feature).toEqual([]);
          // Nor is it told the role's ARN.
          expect(variables[TENANT_ROLE_VARIABLE], feature).toBeUndefined();
        }
      }
      // The operator's function acts across partnerships, and the public one has no session.
      expect(assumers.sort()).toEqual([
        'alerts',
        'cases',
        'casework',
        'imports',
        'partnership',
        'people',
        'registers',
        'reports',
        'views',
      ]);
      expect(
        routesOf('admin').every((route) => route.roles !== 'public' && route.roles.join() === 'operator'),
      ).toBe(true);
      expect(routeAccess(routeMap.listPartnerships).tenantRole).toBe(false);
      expect(routeAccess(routeMap.getPerson).tenantRole).toBe(true);
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
