import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleDef } from '../../events/schedules.ts';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import { logicalIdOf, referencedIds, synthContinuity } from './synth-continuity.ts';

/**
 * The generic wiring, with a stand-in entry (alerts.test.ts checks the declared sweep). It
 * reuses functions/import-worker as its code because any entry with declared table access
 * (infra/aws/table-access.ts) will do; that worker gets the table and nothing else.
 */
const standIn: ScheduleDef = {
  name: 'alert-sweep',
  everyMinutes: 5,
  module: 'import-worker',
  handler: 'handler',
};

describe('scheduled jobs', () => {
  let template: Template;
  let stack: ContinuityStack;

  beforeAll(() => {
    ({ template, stack } = synthContinuity({ overrides: { schedules: [standIn] } }));
  });

  it('runs the entry on an EventBridge Scheduler rate, with retries and a dead-letter queue', () => {
    const fn = stack.jobs.functions.get(standIn.name)!;
    const dlq = stack.jobs.deadLetterQueues.get(standIn.name)!;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalIdOf(stack, fn.fn), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(stack, dlq), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      },
    });
  });

  it('builds the function from functions/<module>/handler.ts and sends failed runs to the queue', () => {
    const fn = stack.jobs.functions.get(standIn.name)!;
    const props = template.findResources('AWS::Lambda::Function')[logicalIdOf(stack, fn.fn)]!.Properties;
    expect(props.Handler).toBe('index.handler');
    expect(props.Runtime).toBe('nodejs24.x');
    expect(referencedIds(props.DeadLetterConfig)).toEqual([
      logicalIdOf(stack, stack.jobs.deadLetterQueues.get(standIn.name)!),
    ]);
    expect(props.Environment.Variables).toHaveProperty('TABLE_NAME');
  });

  it('encrypts the dead-letter queue and refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(stack, stack.queueKey.key), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Action: 'sqs:*',
            Principal: { AWS: '*' },
            Resource: {
              'Fn::GetAtt': [logicalIdOf(stack, stack.jobs.deadLetterQueues.get(standIn.name)!), 'Arn'],
            },
          },
        ],
      },
    });
  });

  it('gives the job the table but not the identity or mail permissions of the API', () => {
    const roleId = logicalIdOf(stack, stack.jobs.functions.get(standIn.name)!.role);
    const actions = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => referencedIds(policy.Properties.Roles).includes(roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
      .flatMap((statement) => [statement.Action].flat());
    expect(actions).toContain('dynamodb:Query');
    expect(
      actions.filter((action) => action.startsWith('cognito-idp:') || action.startsWith('ses:')),
    ).toEqual([]);
  });
});
