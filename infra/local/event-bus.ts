import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import type { DeliveredEvent } from '../../events/alert-events.ts';
import { assertSupportedPattern, matchesPattern } from '../../events/pattern-matcher.ts';
import type { RuleDef } from '../../events/rules.ts';
import type { EventPublisher } from '../../shared/adapters/ports.ts';
import { lambdaContext } from './lambda-event.ts';

type Target = (event: DeliveredEvent, context: Context) => Promise<unknown>;

/** A delivery that failed every attempt: the local stand-in for a dead-letter queue message. */
export interface FailedDelivery {
  id: string;
  rule: string;
  event: DeliveredEvent;
  error: string;
  attempts: number;
  failedAt: string;
}

export interface LocalBusOptions {
  rules: readonly RuleDef[];
  /** Where failed deliveries are kept across restarts; omit to keep them in memory only. */
  failedFile?: string;
  /** Milliseconds before the second attempt; each later one waits twice as long. */
  backoffMs?: number;
}

/** Loads a rule's target the way Lambda would: the named export of functions/<module>/handler.ts. */
async function loadTarget(rule: RuleDef): Promise<Target> {
  const module = (await import(`../../functions/${rule.target.module}/handler.ts`)) as Record<string, Target>;
  const target = module[rule.target.handler];
  if (typeof target !== 'function')
    throw new Error(`functions/${rule.target.module}/handler.ts has no ${rule.target.handler}`);
  return target;
}

/**
 * The local stand-in for EventBridge: routes each published event to the targets of every rule
 * whose pattern matches (events/rules.ts, the same patterns the CDK app deploys), asynchronously,
 * retrying a failing target and keeping what still fails in a failed-delivery list.
 */
export class LocalEventBus implements EventPublisher {
  private readonly pending = new Set<Promise<void>>();
  private readonly failed: FailedDelivery[];
  private readonly backoffMs: number;

  constructor(private readonly options: LocalBusOptions) {
    for (const rule of options.rules) assertSupportedPattern(rule.pattern);
    this.backoffMs = options.backoffMs ?? 200;
    this.failed =
      options.failedFile && existsSync(options.failedFile)
        ? (JSON.parse(readFileSync(options.failedFile, 'utf8')) as FailedDelivery[])
        : [];
  }

  /** Puts events on the bus; delivery happens after this returns, as with PutEvents. */
  async publish(events: readonly { source: string; detailType: string; detail: unknown }[]): Promise<void> {
    for (const event of events) {
      const envelope: DeliveredEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': event.detailType,
        source: event.source,
        account: '000000000000',
        time: new Date().toISOString(),
        region: 'local',
        resources: [],
        detail: JSON.parse(JSON.stringify(event.detail)),
      };
      for (const rule of this.options.rules) {
        if (matchesPattern(rule.pattern, envelope as unknown as Record<string, unknown>))
          this.track(this.deliver(rule, envelope));
      }
    }
  }

  /** Resolves when every delivery under way (retries included) has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Deliveries that failed every attempt, newest first. */
  failedDeliveries(): FailedDelivery[] {
    return [...this.failed].reverse();
  }

  /** Delivers every failed event again (an operator's redrive); answers how many were tried. */
  async redrive(): Promise<number> {
    const again = this.failed.splice(0, this.failed.length);
    this.save();
    for (const delivery of again) {
      const rule = this.options.rules.find((candidate) => candidate.name === delivery.rule);
      if (rule) this.track(this.deliver(rule, delivery.event));
    }
    await this.idle();
    return again.length;
  }

  private track(delivery: Promise<void>): void {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  private async deliver(rule: RuleDef, event: DeliveredEvent): Promise<void> {
    const target = await loadTarget(rule);
    let lastError = '';
    for (let attempt = 1; attempt <= rule.maxAttempts; attempt++) {
      try {
        await target(
          event,
          lambdaContext(`${rule.target.module}-${rule.target.handler}`, rule.timeoutSeconds * 1000),
        );
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        if (attempt < rule.maxAttempts)
          await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
    this.failed.push({
      id: randomUUID(),
      rule: rule.name,
      event,
      error: lastError.slice(0, 500),
      attempts: rule.maxAttempts,
      failedAt: new Date().toISOString(),
    });
    this.save();
  }

  private save(): void {
    if (this.options.failedFile) writeFileSync(this.options.failedFile, JSON.stringify(this.failed));
  }
}
