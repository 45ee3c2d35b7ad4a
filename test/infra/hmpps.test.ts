import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRISONER_RECEIVED, PRISONER_RELEASED } from '../../events/hmpps-events.ts';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import {
  HMPPS_BATCH_SIZE,
  HMPPS_FUNCTION_TIMEOUT,
  HMPPS_MAX_RECEIVE_COUNT,
} from '../../infra/aws/hmpps-queue.ts';
import { asList, logicalIdOf, referencedIds, synthContinuity } from './synth-continuity.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

const topicArn = 'arn:aws:sns:eu-west-2:111122223333:hmpps-domain-events-prod';

/** The HMPPS events queue (issue "Bringing releases in", item 2), subscribed to a topic from context. */
describe('HMPPS domain events queue', () => {
  let template: Template;
  let stack: ContinuityStack;
  let resources: Record<string, Resource>;
  let queueId: string;
  let dlqId: string;
  let fnId: string;

  beforeAll(() => {
    ({ template, stack } = synthContinuity({
      context: { hmppsTopicArn: topicArn, alarmEmail: 'ops@cdp.example.gov.uk' },
    }));
    resources = template.toJSON().Resources as Record<string, Resource>;
    queueId = logicalIdOf(stack, stack.hmpps.queue);
    dlqId = logicalIdOf(stack, stack.hmpps.deadLetters);
    fnId = logicalIdOf(stack, stack.hmpps.fn.fn);
  });

  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
  const queuePolicyOf = (id: string): Statement[] =>
    (
      ofType('AWS::SQS::QueuePolicy').find(([, policy]) =>
        referencedIds(policy.Properties.Queues).includes(id),
      )![1].Properties.PolicyDocument as { Statement: Statement[] }
    ).Statement;
  const roleStatements = (): Statement[] => {
    const roleId = logicalIdOf(stack, stack.hmpps.fn.role);
    return ofType('AWS::IAM::Policy')
      .filter(([, policy]) => referencedIds(policy.Properties.Roles).includes(roleId))
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  };

  it('names the queue after the stack, encrypts it with the queue key and redrives to its DLQ after 3 receives', () => {
    const queue = resources[queueId]!.Properties;
    expect(queue).toMatchObject({
      QueueName: 'Continuity-hmpps-domain-events',
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(stack, stack.queueKey.key), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 3 },
    });
    expect(HMPPS_MAX_RECEIVE_COUNT).toBe(3);
    // At least six times the consumer's timeout, as AWS advises for a Lambda source.
    expect(queue.VisibilityTimeout as number).toBeGreaterThanOrEqual(6 * HMPPS_FUNCTION_TIMEOUT.toSeconds());
    expect(resources[fnId]!.Properties.Timeout).toBe(HMPPS_FUNCTION_TIMEOUT.toSeconds());
  });

  it('keeps dead letters 14 days, encrypted, and refuses plain HTTP on both queues', () => {
    expect(resources[dlqId]!.Properties).toMatchObject({
      QueueName: 'Continuity-hmpps-domain-events-dlq',
      MessageRetentionPeriod: 14 * 24 * 3600,
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(stack, stack.queueKey.key), 'Arn'] },
    });
    for (const id of [queueId, dlqId]) {
      expect(queuePolicyOf(id)).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('feeds functions/hmpps-ingest in batches of 10 that report failed items one by one', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: fnId },
      BatchSize: HMPPS_BATCH_SIZE,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    expect(HMPPS_BATCH_SIZE).toBe(10);
    expect(resources[fnId]!.Properties.Handler).toBe('index.handler');
  });

  it('tells the handler where malformed events go (HMPPS_DLQ_URL) and lets it send there, and only there', () => {
    const variables = (resources[fnId]!.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(variables.HMPPS_DLQ_URL).toEqual({ Ref: dlqId });
    const sends = roleStatements().filter((statement) =>
      asList(statement.Action).includes('sqs:SendMessage'),
    );
    expect(sends).toEqual([
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
    ]);
    // It consumes the source queue (receive, delete) and nothing else of SQS.
    const sqsActions = roleStatements()
      .flatMap((statement) => asList(statement.Action))
      .filter((action) => action.startsWith('sqs:'))
      .sort();
    expect(sqsActions).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
      'sqs:SendMessage',
    ]);
    // No other function may write to the HMPPS dead-letter queue.
    const otherSenders = ofType('AWS::IAM::Policy')
      .filter(
        ([, policy]) =>
          !referencedIds(policy.Properties.Roles).includes(logicalIdOf(stack, stack.hmpps.fn.role)),
      )
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((statement) => referencedIds(statement.Resource).includes(dlqId));
    expect(otherSenders).toEqual([]);
  });

  it('lets the topic from context (and only it) send to the queue and use the queue key', () => {
    const allow = queuePolicyOf(queueId).filter((statement) => statement.Effect === 'Allow');
    expect(allow).toEqual([
      {
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Principal: { Service: 'sns.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
        Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
      },
    ]);
    const keyPolicy = resources[logicalIdOf(stack, stack.queueKey.key)]!.Properties.KeyPolicy as {
      Statement: Statement[];
    };
    expect(keyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'sns.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
      }),
    );
  });

  it('subscribes the queue to prisoner-released events only, with the SNS envelope kept', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      TopicArn: topicArn,
      Endpoint: { 'Fn::GetAtt': [queueId, 'Arn'] },
      RawMessageDelivery: false,
      FilterPolicy: { eventType: [PRISONER_RELEASED, PRISONER_RECEIVED] },
    });
  });

  it('alarms on a dead letter, on an event waiting 15 minutes, and on the consumer failing or throttled', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    const on = (id: string, metric: string) =>
      alarms.find((alarm) => alarm.MetricName === metric && referencedIds(alarm.Dimensions).includes(id));
    expect(on(dlqId, 'ApproximateNumberOfMessagesVisible')).toMatchObject({
      Threshold: 1,
      Statistic: 'Maximum',
    });
    expect(on(queueId, 'ApproximateAgeOfOldestMessage')).toMatchObject({
      Threshold: 900,
      Statistic: 'Maximum',
    });
    expect(on(fnId, 'Errors')).toMatchObject({ Threshold: 1 });
    expect(on(fnId, 'Throttles')).toMatchObject({ Threshold: 1 });
    // The topic mails the address from context.
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@cdp.example.gov.uk',
    });
  });

  it('outputs the queue URL and ARN, and the dead-letter queue URL', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.HmppsQueueUrl?.Value).toEqual({ Ref: queueId });
    expect(outputs.HmppsQueueArn?.Value).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
    expect(outputs.HmppsDeadLetterQueueUrl?.Value).toEqual({ Ref: dlqId });
  });
});
