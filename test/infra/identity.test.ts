import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import { logicalIdOf, referencedIds, synthContinuity } from './synth-continuity.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('Cognito identity', () => {
  let template: Template;
  let stack: ContinuityStack;
  let client: Record<string, unknown>;

  beforeAll(() => {
    ({ template, stack } = synthContinuity());
    const resources = template.toJSON().Resources as Record<string, Resource>;
    client = resources[logicalIdOf(stack, stack.identity.client)]!.Properties;
  });

  it('lets the web client read the tenant attribute but never write it', () => {
    expect(client.ReadAttributes).toContain('custom:tenant_id');
    expect(client.WriteAttributes).toBeInstanceOf(Array);
    expect(client.WriteAttributes).not.toContain('custom:tenant_id');
  });

  it('declares tenant_id as a mutable string attribute (administrators move users)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'tenant_id', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('signs in by email, with no self sign-up', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('requires MFA of everyone, by authenticator app (TOTP) only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('lets the web client write only email and name: never the tenant (the role lives in the table)', () => {
    expect([...(client.WriteAttributes as string[])].sort()).toEqual(['email', 'name']);
  });

  it('keeps the pre-token trigger logs for a year and alarms when it fails', () => {
    const resources = template.toJSON().Resources as Record<string, Resource>;
    const fn = stack.identity.preTokenFunction;
    expect(resources[logicalIdOf(stack, fn.logGroup)]!.Properties.RetentionInDays).toBe(365);
    const alarms = Object.values(resources).filter((resource) => resource.Type === 'AWS::CloudWatch::Alarm');
    const onTrigger = alarms.filter((alarm) =>
      referencedIds(alarm.Properties.Dimensions).includes(logicalIdOf(stack, fn.fn)),
    );
    expect(onTrigger.map((alarm) => alarm.Properties.MetricName).sort()).toEqual(['Errors', 'Throttles']);
  });

  it('requires strong passwords and enforces threat protection on the PLUS plan', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('wires the pre-token-generation trigger (V2_0) to functions/pre-token', () => {
    const fnId = logicalIdOf(stack, stack.identity.preTokenFunction.fn);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [fnId, 'Arn'] }, LambdaVersion: 'V2_0' },
      },
    });
    expect(template.findResources('AWS::Lambda::Function')[fnId]?.Properties).toMatchObject({
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
    });
  });

  it('has the operators group', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'operators' });
  });

  it('has a hosted UI domain derived from the stack name', () => {
    const domain = template.findResources('AWS::Cognito::UserPoolDomain');
    expect(JSON.stringify(Object.values(domain)[0])).toContain('continuity-');
  });

  it('has a public client: code grant only, PKCE-capable (no secret), OpenID scopes', () => {
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect([...(client.AllowedOAuthScopes as string[])].sort()).toEqual(['email', 'openid', 'profile']);
  });

  it('returns to the CloudFront domain after sign-in and sign-out', () => {
    const distributionId = logicalIdOf(stack, stack.web.distribution);
    const [callback] = client.CallbackURLs as unknown[];
    const [logout] = client.LogoutURLs as unknown[];
    expect(JSON.stringify(callback)).toMatch(/\/auth\/callback"/);
    expect(JSON.stringify(logout)).toMatch(/\/signed-out"/);
    expect(referencedIds(callback)).toEqual([distributionId]);
    expect(referencedIds(logout)).toEqual([distributionId]);
  });
});
