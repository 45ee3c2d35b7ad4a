import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { getDeps } from '../../shared/adapters/deps.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { purgeExpiredCases } from '../../shared/lifecycle/purge.ts';

/** The daily retention job (events/schedules.ts): purges cases closed longer ago than retention. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => purgeExpiredCases(getDeps()));
