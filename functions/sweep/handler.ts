import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { type Adapters, getDeps, wireAdapters } from '../../shared/adapters/deps.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { eventBridgeBus } from '../../shared/adapters/publisher-eventbridge.ts';
import { runSweep } from '../../shared/alerts/sweep.ts';

/** The sweep's adapters: it publishes the alerts it raises; it sends no mail and invites no one. */
export const adapters: Adapters = { publisher: eventBridgeBus };
wireAdapters(adapters);

/** The scheduled alert sweep (events/schedules.ts: every 5 minutes). */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => runSweep(getDeps()));
