import { Duration, Stack } from 'aws-cdk-lib';
import { type Archive, EventBus } from 'aws-cdk-lib/aws-events';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** How long the archive keeps published events for replay. */
export const EVENT_ARCHIVE_RETENTION = Duration.days(30);

/**
 * The service's own event bus (alerts are published here, and events/rules.ts routes them).
 * Events carry ids only (events/alert-events.ts), so the archive holds no personal details;
 * it lets an operator replay a window of events after fixing a target, which is safe because
 * every target is idempotent.
 */
export class ServiceBus extends Construct {
  readonly bus: EventBus;
  readonly archive: Archive;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bus = new EventBus(this, 'Bus', {
      eventBusName: `continuity-${stack.stackName}`,
      description: 'Continuity: alerts raised by the sweep and the API, routed by events/rules.ts',
    });
    this.archive = this.bus.archive('Archive', {
      description: 'Every event published to the Continuity bus, for replay',
      eventPattern: { account: [stack.account] },
      retention: EVENT_ARCHIVE_RETENTION,
    });
  }

  /** Lets a function publish to this bus, and to no other. */
  grantPublish(grantee: IGrantable): void {
    this.bus.grantPutEventsTo(grantee);
  }
}
