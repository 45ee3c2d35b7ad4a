import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { getDeps, wireAdapters } from '../../shared/adapters/deps.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { eventBridgeBus } from '../../shared/adapters/publisher-eventbridge.ts';
import { runSweep } from '../../shared/alerts/sweep.ts';

// The sweep publishes the alerts it raises; it sends no mail and invites no one.
wireAdapters({ publisher: eventBridgeBus });

/** The scheduled alert sweep (events/schedules.ts: every 5 minutes). */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => runSweep(getDeps()));
