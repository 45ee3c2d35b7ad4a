import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes.ts';
import { type ContinuityStack, IDENTITY_ADMIN_ACTIONS } from '../../infra/aws/continuity-stack.ts';
import { IDENTITY_ADMIN_MODULES } from '../../infra/aws/route-access.ts';
import { asList, logicalIdOf, referencedIds, synthContinuity } from './synth-continuity.ts';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
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

  it('lets only the members and admin modules administer Cognito users, on the pool only', () => {
    const poolId = logicalIdOf(stack, stack.identity.userPool);
    for (const route of routes) {
      const cognito = statementsOf(roleOf(route.operationId)).filter((statement) =>
        asList(statement.Action).some((action) => action.startsWith('cognito-idp:')),
      );
      if (IDENTITY_ADMIN_MODULES.includes(route.module)) {
        expect(cognito, route.operationId).toHaveLength(1);
        expect(asList(cognito[0]!.Action).sort()).toEqual([...IDENTITY_ADMIN_ACTIONS].sort());
        expect(cognito[0]!.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
      } else {
        expect(cognito, route.operationId).toEqual([]);
      }
    }
  });

  it('lets only the members and admin modules send mail, from the SES identity only', () => {
    for (const route of routes) {
      const ses = statementsOf(roleOf(route.operationId)).filter((statement) =>
        asList(statement.Action).some((action) => action.startsWith('ses:')),
      );
      if (IDENTITY_ADMIN_MODULES.includes(route.module)) {
        expect(ses, route.operationId).toHaveLength(1);
        expect(ses[0]!.Action).toBe('ses:SendEmail');
        expect(JSON.stringify(ses[0]!.Resource)).toContain(':identity/');
        expect(referencedIds(ses[0]!.Resource)).toContain(logicalIdOf(stack, stack.mail.identity));
      } else {
        expect(ses, route.operationId).toEqual([]);
      }
    }
  });

  it('gives each route function a role of its own with no managed policies', () => {
    const roleIds = routes.map((route) => roleOf(route.operationId));
    expect(new Set(roleIds).size).toBe(routes.length);
    const roles = template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
    for (const roleId of roleIds) expect(roles[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
  });
});
