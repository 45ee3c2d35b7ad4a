import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DeliveredEvent } from '../../events/alert-events.ts';
import { ImportQueuedDetail } from '../../events/import-events.ts';
import { getDeps } from '../../shared/adapters/deps.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { applyImport } from '../../shared/imports/apply-import.ts';

/** Target of the `apply-release-import` bus rule: applies a checked release list. */
export const handler = middy<DeliveredEvent<unknown>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const detail = ImportQueuedDetail.parse(event.detail);
    logger.appendKeys({ tenantId: detail.tenantId });
    const result = await applyImport(getDeps(), detail.tenantId, detail.importId);
    return { status: result?.status ?? 'gone' };
  });
