import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../events/rules.ts';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import { NodeFunction } from '../../infra/aws/node-function.ts';
import { asList, logicalIdOf, referencedIds, synthContinuity } from './synth-continuity.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** Production readiness (issue "Production readiness", item 4): encryption, retention, outputs. */
describe('production hardening', () => {
  let template: Template;
  let stack: ContinuityStack;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    ({ template, stack } = synthContinuity());
    resources = template.toJSON().Resources as Record<string, Resource>;
  });

  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
  const keyArnOf = (key: { node: { defaultChild?: unknown } }) => ({
    'Fn::GetAtt': [logicalIdOf(stack, key), 'Arn'],
  });

  it('keeps every log group for a set time and encrypts it with the log key', () => {
    const logGroups = ofType('AWS::Logs::LogGroup');
    // A log group per function (eight feature functions, five workers, the pre-token trigger) and the access logs.
    expect(logGroups.length).toBeGreaterThanOrEqual(stack.api.functions.size + 7);
    for (const [id, logGroup] of logGroups) {
      expect(logGroup.Properties.RetentionInDays, id).toBeGreaterThanOrEqual(365);
      expect(logGroup.Properties.KmsKeyId, id).toEqual(keyArnOf(stack.logKey.key));
    }
    // Function and access logs: a year.
    for (const fn of stack.api.functions.values()) {
      expect(resources[logicalIdOf(stack, fn.logGroup)]!.Properties.RetentionInDays).toBe(365);
    }
    expect(resources[logicalIdOf(stack, stack.api.accessLogs)]!.Properties.RetentionInDays).toBe(365);
    // Every function of the service writes to a log group of its own.
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      const variables = (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
        ?.Variables;
      if (!variables?.TABLE_NAME && !id.startsWith('IdentityPreToken')) continue;
      expect(referencedIds(fn.Properties.LoggingConfig), id).toHaveLength(1);
    }
  });

  it("runs every function of this repo on Node 24 (nodejs24.x); only CDK's own bucket deployment differs", () => {
    const own = stack.node
      .findAll()
      .filter((construct): construct is NodeFunction => construct instanceof NodeFunction)
      .map((fn) => logicalIdOf(stack, fn.fn));
    // The feature functions, the five workers and the pre-token trigger.
    expect(own.length).toBe(stack.api.functions.size + 6);
    for (const id of own) expect(resources[id]!.Properties.Runtime, id).toBe('nodejs24.x');
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      if (own.includes(id)) continue;
      expect(id).toMatch(/^CustomCDKBucketDeployment/);
      expect(String(fn.Properties.Runtime)).not.toMatch(/^nodejs/);
    }
  });

  it("lets only CloudWatch Logs use the log key, for this account's log groups", () => {
    const policy = resources[logicalIdOf(stack, stack.logKey.key)]!.Properties.KeyPolicy as {
      Statement: Statement[];
    };
    const logs = policy.Statement.find((statement) =>
      JSON.stringify(statement.Principal).includes('logs.eu-west-2.amazonaws.com'),
    )!;
    expect(JSON.stringify(logs.Condition?.ArnLike)).toContain('kms:EncryptionContext:aws:logs:arn');
    expect(JSON.stringify(logs.Condition?.ArnLike)).toContain(':log-group:*');
  });

  it('rotates every key, and retains the table and log keys with what they protect', () => {
    for (const [id, key] of ofType('AWS::KMS::Key')) expect(key.Properties.EnableKeyRotation, id).toBe(true);
    template.hasResource('AWS::KMS::Key', {
      Properties: { Description: 'Encrypts the Continuity log groups' },
      DeletionPolicy: 'Retain',
    });
  });

  it('encrypts every queue with the queue key; EventBridge may use it only for the bus rules', () => {
    for (const [id, queue] of ofType('AWS::SQS::Queue')) {
      expect(queue.Properties.KmsMasterKeyId, id).toEqual(keyArnOf(stack.queueKey.key));
      expect(queue.Properties.SqsManagedSseEnabled, id).toBeUndefined();
    }
    const policy = resources[logicalIdOf(stack, stack.queueKey.key)]!.Properties.KeyPolicy as {
      Statement: Statement[];
    };
    const events = policy.Statement.find((statement) =>
      JSON.stringify(statement.Principal).includes('events.'),
    )!;
    expect(asList(events.Action).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(JSON.stringify(events.Condition)).toContain(':rule/');
    expect(referencedIds(events.Condition)).toContain(logicalIdOf(stack, stack.bus.bus));
    // Without hmppsTopicArn no topic may use it, nor send to the HMPPS queue.
    expect(JSON.stringify(policy)).not.toContain('sns.amazonaws.com');
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('encrypts the cursor secret with its own key, which readers may use only through Secrets Manager', () => {
    const secret = resources[logicalIdOf(stack, stack.cursorSecret.secret)]!.Properties;
    expect(secret.KmsKeyId).toEqual(keyArnOf(stack.cursorSecret.key));
    const keyId = logicalIdOf(stack, stack.cursorSecret.key);
    const onKey = ofType('AWS::IAM::Policy')
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((statement) => referencedIds(statement.Resource).includes(keyId));
    expect(onKey.length).toBeGreaterThan(0);
    for (const statement of onKey) {
      expect(statement.Action).toBe('kms:Decrypt');
      expect(statement.Condition).toEqual({
        StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-2.amazonaws.com' },
      });
    }
  });

  it('gives the import worker its declared 900 s and the table key for writing', () => {
    const declared = rules.find((rule) => rule.target.module === 'import-worker')!;
    expect(declared.timeoutSeconds).toBe(900);
    const fn = stack.eventRules.functions.get('import-worker')!;
    expect(resources[logicalIdOf(stack, fn.fn)]!.Properties.Timeout).toBe(900);
  });

  it('requires MFA (TOTP) of every user', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
  });

  it('outputs what the deploy guide uses', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    for (const name of [
      'AppUrl',
      'UserPoolId',
      'UserPoolClientId',
      'HostedUiUrl',
      'TableName',
      'EventBusName',
      'AlarmTopicArn',
      'HmppsQueueUrl',
      'HmppsQueueArn',
      'HmppsDeadLetterQueueUrl',
      'TenantDataRoleArn',
      'ApiEndpoint',
      'DkimRecord1',
      'DkimRecord2',
      'DkimRecord3',
    ]) {
      expect(outputs, name).toHaveProperty(name);
    }
    expect(JSON.stringify(outputs.DkimRecord1?.Value)).toContain(' CNAME ');
  });
});
