import { existsSync } from 'node:fs';
import { Duration } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../events/rules.ts';
import { schedules } from '../../events/schedules.ts';
import { routeList } from '../../functions/api/routes.ts';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import { asList, logicalIdOf, referencedIds, synthContinuity } from './synth-continuity.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The alerts feature in AWS: the sweep's schedule, the bus, its rules, their targets and alarms. */
describe('alerts: sweep, bus, rules and alarms', () => {
  let template: Template;
  let stack: ContinuityStack;
  let resources: Record<string, Resource>;
  let busId: string;
  let tableId: string;

  beforeAll(() => {
    ({ template, stack } = synthContinuity());
    resources = template.toJSON().Resources as Record<string, Resource>;
    busId = logicalIdOf(stack, stack.bus.bus);
    tableId = logicalIdOf(stack, stack.data.table);
  });

  const ofType = (type: string): [string, Resource][] =>
    Object.entries(resources).filter(([, resource]) => resource.Type === type);
  /** The allow statements of the policies attached to one role. */
  const statementsOf = (role: { node: { defaultChild?: unknown } }): Statement[] => {
    const roleId = logicalIdOf(stack, role);
    return ofType('AWS::IAM::Policy')
      .filter(([, policy]) => referencedIds(policy.Properties.Roles).includes(roleId))
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((statement) => statement.Effect === 'Allow');
  };
  const actionsOf = (statements: Statement[]): string[] =>
    statements.flatMap((statement) => asList(statement.Action));
  const publishStatements = (statements: Statement[]): Statement[] =>
    statements.filter((statement) => asList(statement.Action).some((action) => action.startsWith('events:')));
  const sweep = () => stack.jobs.functions.get('alert-sweep')!;
  const notify = () => stack.eventRules.functions.get('notify')!;

  it('declares the sweep and the notify rule these tests are about', () => {
    expect(schedules.map((def) => def.name)).toContain('alert-sweep');
    expect(rules.map((def) => def.target.module)).toContain('notify');
  });

  it.each(schedules)(
    'runs $module every $everyMinutes minutes with retries and a dead-letter queue',
    (def) => {
      const fn = stack.jobs.functions.get(def.name)!;
      const dlq = stack.jobs.deadLetterQueues.get(def.name)!;
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        // CDK writes whole days as days: rate(1440 minutes) is rate(1 day).
        ScheduleExpression: ScheduleExpression.rate(Duration.minutes(def.everyMinutes)).expressionString,
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [logicalIdOf(stack, fn.fn), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(stack, dlq), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        },
      });
      expect(resources[logicalIdOf(stack, fn.fn)]!.Properties.Handler).toBe(`index.${def.handler}`);
      expect(existsSync(new URL(`../../functions/${def.module}/handler.ts`, import.meta.url))).toBe(true);
    },
  );

  it('has one bus, named after the stack, and outputs its name', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'continuity-Continuity' });
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.EventBusName?.Value).toEqual({ Ref: busId });
  });

  it('has exactly one rule per entry of events/rules.ts, all on the bus', () => {
    const onBus = ofType('AWS::Events::Rule').filter(
      ([, rule]) => rule.Properties.ScheduleExpression === undefined,
    );
    expect(onBus).toHaveLength(rules.length);
    for (const [, rule] of onBus) expect(rule.Properties.EventBusName).toEqual({ Ref: busId });
  });

  it.each(rules)('rule $name matches exactly its declared pattern', (def) => {
    const rule = resources[logicalIdOf(stack, stack.eventRules.rules.get(def.name)!)]!;
    expect(rule.Properties.EventPattern).toEqual(def.pattern);
    expect(rule.Properties.Description).toBe(def.description);
    expect(rule.Properties.State).toBe('ENABLED');
  });

  it.each(rules)(
    'rule $name targets functions/$target.module with a dead-letter queue and its retries',
    (def) => {
      const rule = resources[logicalIdOf(stack, stack.eventRules.rules.get(def.name)!)]!;
      const fn = stack.eventRules.functions.get(def.target.module)!;
      const dlq = stack.eventRules.deadLetterQueues.get(def.name)!;
      expect(rule.Properties.Targets).toEqual([
        {
          Id: 'Target0',
          Arn: { 'Fn::GetAtt': [logicalIdOf(stack, fn.fn), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(stack, dlq), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: def.maxAttempts - 1, MaximumEventAgeInSeconds: 7200 },
        },
      ]);
      expect(resources[logicalIdOf(stack, fn.fn)]!.Properties.Handler).toBe(`index.${def.target.handler}`);
      expect(existsSync(new URL(`../../functions/${def.target.module}/handler.ts`, import.meta.url))).toBe(
        true,
      );
      // EventBridge may invoke the function for this rule only.
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [logicalIdOf(stack, fn.fn), 'Arn'] },
        SourceArn: { 'Fn::GetAtt': [logicalIdOf(stack, stack.eventRules.rules.get(def.name)!), 'Arn'] },
      });
      // Only this rule may write to its dead-letter queue, and only over TLS.
      const queuePolicy = ofType('AWS::SQS::QueuePolicy').find(([, policy]) =>
        referencedIds(policy.Properties.Queues).includes(logicalIdOf(stack, dlq)),
      )![1];
      const statements = (queuePolicy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] })
        .Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Principal: { Service: 'events.amazonaws.com' },
          Condition: {
            ArnEquals: {
              'aws:SourceArn': {
                'Fn::GetAtt': [logicalIdOf(stack, stack.eventRules.rules.get(def.name)!), 'Arn'],
              },
            },
          },
        }),
      );
    },
  );

  it("sends events whose every run of a target failed to the target's failure queue", () => {
    for (const [module, fn] of stack.eventRules.functions) {
      const attempts = Math.max(
        ...rules.filter((def) => def.target.module === module).map((def) => def.maxAttempts),
      );
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalIdOf(stack, fn.fn) },
        Qualifier: '$LATEST',
        MaximumRetryAttempts: attempts - 1,
        MaximumEventAgeInSeconds: 7200,
        DestinationConfig: {
          OnFailure: {
            Destination: {
              'Fn::GetAtt': [logicalIdOf(stack, stack.eventRules.failureQueues.get(module)!), 'Arn'],
            },
          },
        },
      });
    }
  });

  it('encrypts every dead-letter and failure queue with the queue key, keeps messages 14 days and refuses plain HTTP', () => {
    const queues = [
      ...stack.jobs.deadLetterQueues.values(),
      ...stack.eventRules.deadLetterQueues.values(),
      ...stack.eventRules.failureQueues.values(),
      stack.hmpps.deadLetters,
    ];
    for (const queue of queues) {
      const queueId = logicalIdOf(stack, queue);
      expect(resources[queueId]!.Properties).toMatchObject({
        KmsMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(stack, stack.queueKey.key), 'Arn'] },
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      const policy = ofType('AWS::SQS::QueuePolicy').find(([, candidate]) =>
        referencedIds(candidate.Properties.Queues).includes(queueId),
      );
      expect(JSON.stringify(policy?.[1].Properties.PolicyDocument)).toContain('aws:SecureTransport');
    }
  });

  it('gives every function the bus name', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const variables = (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
        ?.Variables;
      if (!variables?.TABLE_NAME) continue; // CDK's own helper functions (bucket deployment)
      expect(variables.EVENT_BUS_NAME).toEqual({ Ref: busId });
      // The publisher is wired in code (EventBridge in AWS), not chosen by a variable.
      expect(variables).not.toHaveProperty('EVENTS_TRANSPORT');
    }
  });

  it('lets the sweep put events on the bus, by its ARN and nothing else', () => {
    const publish = publishStatements(statementsOf(sweep().role));
    expect(publish).toEqual([
      { Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } },
    ]);
  });

  it('gives the sweep the table but no mail, identity or cursor-key access', () => {
    const actions = actionsOf(statementsOf(sweep().role));
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:UpdateItem');
    expect(actions.filter((action) => /^(ses|cognito-idp|secretsmanager):/.test(action))).toEqual([]);
  });

  it('lets notify read and write the table and send mail from the SES identity, but not publish', () => {
    const statements = statementsOf(notify().role);
    const actions = actionsOf(statements);
    for (const action of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'])
      expect(actions).toContain(action);
    expect(actions).toContain('kms:Decrypt');
    const ses = statements.filter((statement) =>
      asList(statement.Action).some((action) => action.startsWith('ses:')),
    );
    expect(ses).toHaveLength(1);
    expect(ses[0]!.Action).toBe('ses:SendEmail');
    expect(referencedIds(ses[0]!.Resource)).toContain(logicalIdOf(stack, stack.mail.identity));
    expect(JSON.stringify(ses[0]!.Resource)).toContain(':identity/');
    expect(actions.filter((action) => action.startsWith('events:'))).toEqual([]);
    expect(actions.filter((action) => /^(cognito-idp|secretsmanager):/.test(action))).toEqual([]);
  });

  it('names every table action of the sweep and notify, on the table and its indexes only', () => {
    for (const role of [sweep().role, notify().role]) {
      const onTable = statementsOf(role).filter((statement) =>
        asList(statement.Action).some((action) => action.startsWith('dynamodb:')),
      );
      expect(onTable.length).toBeGreaterThan(0);
      for (const statement of onTable) {
        for (const action of asList(statement.Action)) expect(action).toMatch(/^dynamodb:[A-Z]/);
        expect(asList(statement.Resource)).not.toContain('*');
        expect(referencedIds(statement.Resource)).toEqual(asList(statement.Resource).map(() => tableId));
      }
    }
  });

  it('lets only the functions whose routes publish put events, on the bus only', () => {
    const publishing = routeList.filter((route) => route.access?.publishes).map((route) => route.operationId);
    // A missed first appointment publishes its alert; a clean release list, or a checked one
    // applied, is queued for the import worker on the bus. No other route publishes.
    expect(publishing.sort()).toEqual(['applyReleaseImport', 'createReleaseImport', 'updateAppointment']);
    const publishers: string[] = [];
    for (const [feature, fn] of stack.api.functions) {
      const publish = publishStatements(statementsOf(fn.role));
      if (routeList.some((route) => route.feature === feature && route.access?.publishes)) {
        publishers.push(feature);
        expect(publish, feature).toEqual([
          { Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } },
        ]);
      } else {
        expect(publish, feature).toEqual([]);
      }
    }
    expect(publishers.sort()).toEqual(['cases', 'imports']);
  });

  it('allows events:PutEvents nowhere but on the bus', () => {
    for (const [, policy] of ofType('AWS::IAM::Policy')) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (!asList(statement.Action).some((action) => action.startsWith('events:'))) continue;
        expect(statement.Action).toBe('events:PutEvents');
        expect(statement.Resource).toEqual({ 'Fn::GetAtt': [busId, 'Arn'] });
      }
    }
  });

  it('alarms on a message in any dead-letter queue of the stack (every queue but the HMPPS source queue)', () => {
    const topicId = logicalIdOf(stack, stack.alarms.topic);
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    const queueIds = ofType('AWS::SQS::Queue')
      .map(([id]) => id)
      .filter((id) => id !== logicalIdOf(stack, stack.hmpps.queue));
    expect(queueIds.length).toBe(
      stack.jobs.deadLetterQueues.size +
        stack.eventRules.deadLetterQueues.size +
        stack.eventRules.failureQueues.size +
        1,
    );
    for (const queueId of queueIds) {
      const alarm = alarms.find(
        (candidate) =>
          candidate.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          referencedIds(candidate.Dimensions).includes(queueId),
      );
      expect(alarm, queueId).toMatchObject({
        Namespace: 'AWS/SQS',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        AlarmActions: [{ Ref: topicId }],
      });
    }
  });

  it('alarms on errors and throttles of the sweep and notify functions over five minutes', () => {
    const topicId = logicalIdOf(stack, stack.alarms.topic);
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    for (const fn of [sweep(), notify()]) {
      const fnId = logicalIdOf(stack, fn.fn);
      for (const metric of ['Errors', 'Throttles']) {
        const alarm = alarms.find(
          (candidate) =>
            candidate.MetricName === metric && referencedIds(candidate.Dimensions).includes(fnId),
        );
        expect(alarm, `${fnId} ${metric}`).toMatchObject({
          Namespace: 'AWS/Lambda',
          Statistic: 'Sum',
          Period: 300,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [{ Ref: topicId }],
        });
      }
    }
  });

  it('sends alarms to a topic encrypted with its own rotating key that refuses plain HTTP', () => {
    const topic = resources[logicalIdOf(stack, stack.alarms.topic)]!;
    expect(topic.Properties.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [logicalIdOf(stack, stack.alarms.key), 'Arn'],
    });
    expect(resources[logicalIdOf(stack, stack.alarms.key)]!.Properties.EnableKeyRotation).toBe(true);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: logicalIdOf(stack, stack.alarms.topic) }],
    });
    const policy = ofType('AWS::SNS::TopicPolicy')[0]![1];
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    // No alarm email in cdk.json: no subscription.
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
