import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  type Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
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
/** 5xx answers of the API in five minutes that mean more than a passing blip. */
export const API_SERVER_ERROR_THRESHOLD = 5;
/** CloudWatch allows this many metrics in one alarm's expression. */
export const METRICS_PER_ALARM = 10;
/** An HMPPS event older than this has not been consumed: the consumer is stuck or failing. */
export const QUEUE_AGE_LIMIT = Duration.minutes(15);

export interface AlarmsProps {
  /** Starts every alarm name, so the names are unique per account and region and easy to read. */
  namePrefix: string;
  /** Optional address to mail alarms to (context `alarmEmail`); SES is not involved. */
  email?: string;
}

/**
 * Alarms on the things that mean an alert, an event or a user's request was not handled: a
 * message in a dead-letter queue, an HMPPS event waiting too long, a failing or throttled
 * function, the API answering 5xx. They go to one SNS topic, encrypted with a key of its own,
 * that only this stack's alarms may publish to.
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

  /** Alarms when the oldest message of a queue that should drain has waited longer than `limit`. */
  onQueueBacklog(name: string, queue: IQueue, limit: Duration, consumer: string): Alarm {
    return this.add(
      name,
      `A message has waited over ${limit.toMinutes()} minutes in ${name}: ${consumer} is not keeping up or is failing.`,
      queue.metricApproximateAgeOfOldestMessage({ period: ALARM_PERIOD, statistic: 'Maximum' }),
      limit.toSeconds(),
    );
  }

  /** Alarms when the API answers with 5xx at least API_SERVER_ERROR_THRESHOLD times in five minutes. */
  onApiServerErrors(name: string, metric: Metric): Alarm {
    return this.add(
      name,
      `The API answered ${API_SERVER_ERROR_THRESHOLD} or more requests with a 5xx in five minutes: read the access logs and the failing functions' logs.`,
      metric.with({ period: ALARM_PERIOD, statistic: 'Sum' }),
      API_SERVER_ERROR_THRESHOLD,
    );
  }

  /**
   * Alarms when any of many functions fails in five minutes: one alarm per ten functions
   * (CloudWatch's limit of metrics in one expression), summing their Errors, each naming its
   * functions. For the API's route functions, whose throttles show as 5xx answers instead; one
   * alarm per function would spend the stack's 500-resource limit.
   */
  onFunctionGroupErrors(name: string, fns: ReadonlyMap<string, IFunction>): Alarm[] {
    const entries = [...fns];
    const alarms: Alarm[] = [];
    for (let start = 0; start < entries.length; start += METRICS_PER_ALARM) {
      const group = entries.slice(start, start + METRICS_PER_ALARM);
      const groupName = `${name}-${start / METRICS_PER_ALARM + 1}`;
      const usingMetrics = Object.fromEntries(
        group.map(([, fn], index) => [
          `m${index}`,
          fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
        ]),
      );
      alarms.push(
        this.add(
          `${groupName}-errors`,
          `One of these failed at least once in five minutes: ${group.map(([fnName]) => fnName).join(', ')}.`,
          new MathExpression({
            expression: 'SUM(METRICS())',
            usingMetrics,
            period: ALARM_PERIOD,
            label: `${groupName} errors`,
          }),
        ),
      );
    }
    return alarms;
  }

  private add(name: string, description: string, metric: IMetric, threshold = 1): Alarm {
    const alarm = new Alarm(this, constructIdOf(name), {
      alarmName: `${this.namePrefix}-${name}`,
      alarmDescription: description,
      metric,
      threshold,
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
