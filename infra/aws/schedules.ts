import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduleDef } from '../../events/schedules.ts';
import { constructIdOf } from './construct-id.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';
import { acknowledgeWildcards } from './nag.ts';
import { NodeFunction } from './node-function.ts';
import type { QueueKey } from './queue-key.ts';

export interface ScheduledJobsProps {
  schedules: readonly ScheduleDef[];
  environment: Record<string, string>;
  /** Encrypts the dead-letter queues. */
  queueKey: QueueKey;
  /** Gives a scheduled function what its entry needs (table access, ...). */
  grant: (fn: NodeFunction, def: ScheduleDef) => void;
}

/**
 * One EventBridge Scheduler schedule and one function per entry of events/schedules.ts.
 * A run that cannot be delivered, or that fails after Lambda's retries, lands in the
 * entry's dead-letter queue, so a failing sweep is visible and never silently lost.
 */
export class ScheduledJobs extends Construct {
  /** Scheduled functions by schedule name. */
  readonly functions = new Map<string, NodeFunction>();
  readonly deadLetterQueues = new Map<string, Queue>();

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    for (const def of props.schedules) {
      const jobId = constructIdOf(def.name);
      const dlq = deadLetterQueue(
        this,
        `${jobId}DeadLetters`,
        `runs of schedule "${def.name}" that could not be delivered or that failed`,
        props.queueKey,
      );

      const fn = new NodeFunction(this, jobId, {
        entry: `functions/${def.module}/handler.ts`,
        handler: def.handler,
        description: `Runs every ${def.everyMinutes} min: ${def.name}`,
        environment: props.environment,
        timeout: Duration.minutes(Math.min(Math.max(def.everyMinutes - 1, 1), 15)),
        deadLetterQueue: dlq,
      });
      props.grant(fn, def);

      // A role per schedule, beside its function, rather than CDK's shared stack-level one.
      const schedulerRole = new Role(this, `${jobId}SchedulerRole`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
        description: `Lets EventBridge Scheduler run ${def.name}`,
      });
      // Scheduler dead-letters undeliverable runs as this role, into a KMS-encrypted queue.
      props.queueKey.grantSend(schedulerRole);
      new Schedule(this, `${jobId}Schedule`, {
        description: `${def.name}: every ${def.everyMinutes} minutes`,
        schedule: ScheduleExpression.rate(Duration.minutes(def.everyMinutes)),
        target: new LambdaInvoke(fn.fn, {
          role: schedulerRole,
          deadLetterQueue: dlq,
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
        }),
      });
      acknowledgeWildcards(schedulerRole, [
        {
          finding: /^Resource::<[A-Za-z0-9]+\.Arn>:\*$/,
          reason: `Lambda's invoke grant covers the versions of ${def.name}'s own function (<arn>:*), nothing else.`,
        },
      ]);
      this.functions.set(def.name, fn);
      this.deadLetterQueues.set(def.name, dlq);
    }
  }
}
