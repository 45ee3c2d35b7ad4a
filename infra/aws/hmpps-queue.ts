import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PRISONER_RECEIVED, PRISONER_RELEASED } from '../../events/hmpps-events.ts';
import type { Config } from '../../shared/config.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';
import { NodeFunction } from './node-function.ts';
import type { QueueKey } from './queue-key.ts';

/** The consumer's time limit per batch: ten events, each touching a few cases. */
export const HMPPS_FUNCTION_TIMEOUT = Duration.seconds(30);
/** Events per invocation; the handler answers failed ones individually (batchItemFailures). */
export const HMPPS_BATCH_SIZE = 10;
/** Deliveries of one message before SQS moves it to the dead-letter queue. */
export const HMPPS_MAX_RECEIVE_COUNT = 3;
/** How long an event waits to be consumed (a consumer outage of up to four days loses nothing). */
export const HMPPS_QUEUE_RETENTION = Duration.days(4);
/** At most this many consumers at once: the events are few, and the table is shared with users. */
export const HMPPS_MAX_CONCURRENCY = 2;

/** The queue's name after its stack (SQS names are unique per account and region, at most 80 characters). */
export const hmppsQueueName = (stackName: string): string => `${stackName.slice(0, 55)}-hmpps-domain-events`;

export interface HmppsQueueProps {
  key: QueueKey;
  environment: Record<string, string>;
  /**
   * ARN of the HMPPS domain events topic, allowed to send and subscribed. Without it only this
   * account's own principals can put messages on the queue (for tests with aws sqs send-message).
   */
  topicArn: string | undefined;
  /** Gives the consumer its table access. */
  grant: (fn: NodeFunction) => void;
}

/**
 * The subscription point for HMPPS domain events (issue "Bringing releases in"): an SQS queue the
 * HMPPS topic delivers prisoner-released events to, its dead-letter queue, and
 * functions/hmpps-ingest, which reads batches and reports failed messages one by one. A message
 * that keeps failing moves to the dead-letter queue after three deliveries; a malformed one is
 * put there at once by the handler itself, with a `reason` attribute, and never reaches the table.
 */
export class HmppsQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly fn: NodeFunction;

  constructor(scope: Construct, id: string, props: HmppsQueueProps) {
    super(scope, id);
    const queueName = hmppsQueueName(Stack.of(this).stackName);
    this.deadLetters = deadLetterQueue(
      this,
      'DeadLetters',
      'HMPPS events that were malformed, or failed three deliveries',
      props.key,
      `${queueName}-dlq`,
    );
    this.queue = new Queue(this, 'Queue', {
      queueName,
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key.key,
      enforceSSL: true,
      // AWS's advice for a Lambda source: at least six times the function's timeout, so a batch
      // being retried by Lambda is not handed to a second consumer meanwhile.
      visibilityTimeout: Duration.seconds(6 * HMPPS_FUNCTION_TIMEOUT.toSeconds()),
      // Shorter than the dead-letter queue's 14 days, which count from the original send.
      retentionPeriod: HMPPS_QUEUE_RETENTION,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: HMPPS_MAX_RECEIVE_COUNT },
    });

    this.fn = new NodeFunction(this, 'Ingest', {
      entry: 'functions/hmpps-ingest/handler.ts',
      handler: 'handler',
      description: 'Consumes HMPPS prisoner-released events from the HMPPS domain events queue',
      environment: {
        ...props.environment,
        ...({ HMPPS_DLQ_URL: this.deadLetters.queueUrl } satisfies Partial<Record<keyof Config, string>>),
      },
      timeout: HMPPS_FUNCTION_TIMEOUT,
      failuresGoTo:
        'a message that fails three deliveries moves to the HMPPS dead-letter queue (SQS redrive), and a ' +
        'malformed one is put there at once',
    });
    props.grant(this.fn);
    this.fn.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: HMPPS_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: HMPPS_MAX_CONCURRENCY,
      }),
    );
    // The handler dead-letters malformed events itself: it may send to that queue, and no other.
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetters.queueArn] }),
    );
    props.key.grantSend(this.fn.role);

    if (props.topicArn) {
      // Raw delivery stays off: the handler unwraps the SNS envelope (events/hmpps-events.ts).
      // Only prisoner-released and prisoner-received events are delivered; anything else on the
      // topic would be dead-lettered as malformed.
      Topic.fromTopicArn(this, 'HmppsTopic', props.topicArn).addSubscription(
        new SqsSubscription(this.queue, {
          rawMessageDelivery: false,
          filterPolicy: {
            eventType: SubscriptionFilter.stringFilter({ allowlist: [PRISONER_RELEASED, PRISONER_RECEIVED] }),
          },
        }),
      );
    }
  }
}
