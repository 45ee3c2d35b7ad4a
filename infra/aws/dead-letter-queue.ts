import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { QueueKey } from './queue-key.ts';

/** How long a dead letter waits: the SQS maximum, so an operator alerted by its alarm has time to look. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * A queue for work that could not be done: encrypted with the stack's queue key, TLS-only, and
 * kept for 14 days. `holds` says what lands in it; most are named by CloudFormation.
 */
export function deadLetterQueue(
  scope: Construct,
  id: string,
  holds: string,
  key: QueueKey,
  queueName?: string,
): Queue {
  const queue = new Queue(scope, id, {
    queueName,
    encryption: QueueEncryption.KMS,
    encryptionMasterKey: key.key,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself a dead-letter queue (${holds}); nothing is redriven into it automatically.`,
  });
  return queue;
}
