import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { requiredSetting } from '../config.ts';
import type { AdapterFactory } from './deps.ts';
import type { EventPublisher } from './ports.ts';

/** Publishes to an EventBridge bus, ten entries a call; any failed entry fails the publish. */
export function eventBridgePublisher(busName: string, client = new EventBridgeClient({})): EventPublisher {
  return {
    async publish(events) {
      for (let start = 0; start < events.length; start += 10) {
        const batch = events.slice(start, start + 10);
        const result = await client.send(
          new PutEventsCommand({
            Entries: batch.map((event) => ({
              EventBusName: busName,
              Source: event.source,
              DetailType: event.detailType,
              Detail: JSON.stringify(event.detail),
            })),
          }),
        );
        if (result.FailedEntryCount) {
          throw new Error(`EventBridge refused ${result.FailedEntryCount} of ${batch.length} events`);
        }
      }
    },
  };
}

/** The event publisher of an AWS function: the service's EventBridge bus. */
export const eventBridgeBus: AdapterFactory<EventPublisher> = ({ config }) =>
  eventBridgePublisher(requiredSetting(config.EVENT_BUS_NAME, 'EVENT_BUS_NAME'));
