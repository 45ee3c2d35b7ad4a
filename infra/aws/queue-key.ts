import { RemovalPolicy } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** What a sender needs of the key to put a message on a KMS-encrypted queue. */
export const QUEUE_SEND_KEY_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'] as const;

/**
 * The key every queue of the stack is encrypted with. The HMPPS queue holds prison numbers and
 * the dead-letter queues hold failed events and runs, so none of them relies on SQS's own key.
 * Roles that send are granted the key explicitly (grantSend); AWS services that deliver as
 * themselves (EventBridge rules, the HMPPS SNS topic) are named in the key policy, each limited
 * to its own source.
 */
export class QueueKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the Continuity queues (HMPPS events and dead letters)',
      enableKeyRotation: true,
      // Queues keep messages 14 days at most and go with the stack; so may their key.
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /** Lets a role put messages on the stack's queues (sqs:SendMessage is granted on the queue itself). */
  grantSend(grantee: IGrantable): void {
    this.key.grant(grantee, ...QUEUE_SEND_KEY_ACTIONS);
  }

  /** Lets an AWS service deliver to the queues, only on behalf of sources matching `sourceArnLike`. */
  allowService(sid: string, service: string, sourceArnLike: string): void {
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid,
        principals: [new ServicePrincipal(service)],
        actions: [...QUEUE_SEND_KEY_ACTIONS],
        resources: ['*'],
        conditions: { ArnLike: { 'aws:SourceArn': sourceArnLike } },
      }),
    );
  }
}
