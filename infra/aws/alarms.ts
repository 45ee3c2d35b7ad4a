import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { constructIdOf } from './construct-id.ts';

/** The window every alarm looks at. */
export const ALARM_PERIOD = Duration.minutes(5);

export interface AlarmsProps {
  /** Starts every alarm name, so the names are unique per account and region and easy to read. */
  namePrefix: string;
  /** Optional address to mail alarms to (context `alarmEmail`); SES is not involved. */
  email?: string;
}

/**
 * Alarms on the things that mean an alert may not have reached anyone: a message in a
 * dead-letter queue, a failing or throttled sweep or notify function. They go to one SNS
 * topic, encrypted with a key of its own, that only this stack's alarms may publish to.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly key: Key;
  readonly alarms: Alarm[] = [];
  private readonly namePrefix: string;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.namePrefix = props.namePrefix;
    const stack = Stack.of(this);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the Continuity alarm topic',
      enableKeyRotation: true,
      // Holds no data at rest: alarm notifications are delivered and gone.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.topic = new Topic(this, 'Topic', {
      displayName: `${props.namePrefix} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });

    // CloudWatch publishes as its service principal. The topic policy lets only this stack's
    // alarms publish (the confused-deputy conditions CloudWatch documents for topic policies).
    // The key statement follows the unconditioned form AWS documents for alarm topics: the key
    // protects this topic alone, and the topic policy already decides who reaches it.
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsUseTheTopicKey',
        principals: [cloudWatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: `${props.namePrefix}-*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /** Alarms as soon as one message waits in a dead-letter queue; `holds` says what it holds. */
  onDeadLetters(name: string, queue: IQueue, holds: string): Alarm {
    return this.add(
      name,
      `A message is waiting in ${name}: ${holds}. Read it, fix the cause, then redrive or delete it.`,
      queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: 'Maximum' }),
    );
  }

  /** Alarms when a function fails, or is throttled, in any five minutes. */
  onFunctionTrouble(name: string, fn: IFunction): Alarm[] {
    return [
      this.add(
        `${name}-errors`,
        `${name} failed at least once in five minutes.`,
        fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
      ),
      this.add(
        `${name}-throttles`,
        `${name} was throttled at least once in five minutes.`,
        fn.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum' }),
      ),
    ];
  }

  private add(name: string, description: string, metric: Metric): Alarm {
    const alarm = new Alarm(this, constructIdOf(name), {
      alarmName: `${this.namePrefix}-${name}`,
      alarmDescription: description,
      metric,
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // No data means an idle queue or function: nothing is wrong.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
    return alarm;
  }
}
