import { Duration, Stack } from 'aws-cdk-lib';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RuleDef } from '../../events/rules.ts';
import { constructIdOf } from './construct-id.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';
import { toCdkEventPattern } from './event-pattern.ts';
import { NodeFunction } from './node-function.ts';
import type { QueueKey } from './queue-key.ts';

/** How long EventBridge, then Lambda, keep trying an event before it is dead-lettered. */
export const MAX_EVENT_AGE = Duration.hours(2);

/**
 * Lambda retries a failed asynchronous run at most twice, so a rule can ask for at most three
 * runs of its target; a larger maxAttempts would be honoured by the local bus and not here.
 */
export const MAX_ATTEMPTS_LIMIT = 3;

export interface EventRulesProps {
  rules: readonly RuleDef[];
  bus: IEventBus;
  environment: Record<string, string>;
  /** Encrypts the dead-letter and failure queues. */
  queueKey: QueueKey;
  /** Gives a target function what its module needs (table access, mail, ...). */
  grant: (fn: NodeFunction, module: string) => void;
}

/**
 * An EventBridge rule on the bus for each entry of events/rules.ts, and one function per target
 * module (`functions/<module>/handler.ts`). Two queues catch what cannot be done: the rule's
 * dead-letter queue gets events EventBridge could not hand to Lambda, and the function's
 * failure queue gets events whose runs all failed. Either way an alarm fires and the event waits.
 */
export class EventRules extends Construct {
  /** Rules by rule name. */
  readonly rules = new Map<string, Rule>();
  /** Delivery dead-letter queues by rule name. */
  readonly deadLetterQueues = new Map<string, Queue>();
  /** Target functions by module. */
  readonly functions = new Map<string, NodeFunction>();
  /** Queues of failed runs by target module. */
  readonly failureQueues = new Map<string, Queue>();

  constructor(scope: Construct, id: string, props: EventRulesProps) {
    super(scope, id);
    // EventBridge puts undeliverable events on the rules' dead-letter queues as itself.
    props.queueKey.allowService(
      'EventBridgeRulesOfTheBusDeadLetter',
      'events.amazonaws.com',
      Stack.of(this).formatArn({
        service: 'events',
        resource: 'rule',
        resourceName: `${props.bus.eventBusName}/*`,
      }),
    );
    for (const [module, defs] of rulesByTarget(props.rules)) {
      const targetId = constructIdOf(module);
      const handler = defs[0]!.target.handler;
      const fn = new NodeFunction(this, targetId, {
        entry: `functions/${module}/handler.ts`,
        handler,
        description: `Bus target of ${defs.map((def) => def.name).join(', ')}`.slice(0, 256),
        environment: props.environment,
        failuresGoTo: `a run that fails every attempt goes to the on-failure destination queue ${targetId}Failures`,
        // The declared time limit, the same the local bus gives the target.
        timeout: Duration.seconds(Math.max(...defs.map((def) => def.timeoutSeconds))),
      });
      props.grant(fn, module);
      const failures = deadLetterQueue(
        this,
        `${targetId}Failures`,
        `events whose every run of functions/${module} failed`,
        props.queueKey,
      );
      // Lambda's retries cover runs that fail; the rule's retries below cover deliveries that
      // fail (throttling, service errors). Each kind of failure gets the declared attempts.
      fn.fn.configureAsyncInvoke({
        onFailure: new SqsDestination(failures),
        retryAttempts: Math.max(...defs.map((def) => def.maxAttempts)) - 1,
        maxEventAge: MAX_EVENT_AGE,
      });
      this.functions.set(module, fn);
      this.failureQueues.set(module, failures);

      for (const def of defs) {
        const ruleId = constructIdOf(def.name);
        const dlq = deadLetterQueue(
          this,
          `${ruleId}DeadLetters`,
          `events rule "${def.name}" could not deliver to its target`,
          props.queueKey,
        );
        const rule = new Rule(this, ruleId, {
          eventBus: props.bus,
          description: def.description,
          eventPattern: toCdkEventPattern(def.pattern),
        });
        rule.addTarget(
          new LambdaFunction(fn.fn, {
            deadLetterQueue: dlq,
            retryAttempts: def.maxAttempts - 1,
            maxEventAge: MAX_EVENT_AGE,
          }),
        );
        this.rules.set(def.name, rule);
        this.deadLetterQueues.set(def.name, dlq);
      }
    }
  }
}

/**
 * The rules grouped by target module, checked first: names unique, attempts within what
 * Lambda can honour, and one handler export per module (one function serves them all).
 */
export function rulesByTarget(rules: readonly RuleDef[]): Map<string, RuleDef[]> {
  const names = new Set<string>();
  const byModule = new Map<string, RuleDef[]>();
  for (const def of rules) {
    if (names.has(def.name)) throw new Error(`Event rule "${def.name}" is declared twice`);
    names.add(def.name);
    if (!Number.isInteger(def.maxAttempts) || def.maxAttempts < 1 || def.maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new Error(
        `Event rule "${def.name}": maxAttempts must be a whole number from 1 to ${MAX_ATTEMPTS_LIMIT} ` +
          `(Lambda retries an asynchronous run at most twice), got ${def.maxAttempts}`,
      );
    }
    const group = byModule.get(def.target.module) ?? [];
    const other = group.find((existing) => existing.target.handler !== def.target.handler);
    if (other) {
      throw new Error(
        `Event rules "${other.name}" and "${def.name}" name different exports of functions/${def.target.module}; ` +
          'one function serves a module, so its rules share one handler',
      );
    }
    group.push(def);
    byModule.set(def.target.module, group);
  }
  return byModule;
}
