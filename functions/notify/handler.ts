import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import {
  type AlertRaisedDetail,
  type DeliveredEvent,
  AlertRaisedDetail as DetailSchema,
} from '../../events/alert-events.ts';
import { type Adapters, getDeps, wireAdapters } from '../../shared/adapters/deps.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { sesMail } from '../../shared/adapters/mailer-ses.ts';
import { notifyAlert } from '../../shared/alerts/notify.ts';

/** Notify's adapters: it sends each alert's one email, and publishes nothing. */
export const adapters: Adapters = { mailer: sesMail };
wireAdapters(adapters);

/**
 * Target of the `notify-alert-raised` bus rule (events/rules.ts): validates the event and sends
 * the alert's one email. A malformed event is rejected (and so dead-lettered), never guessed at.
 */
export const handler = middy<DeliveredEvent<unknown>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const parsed = DetailSchema.safeParse(event.detail);
    if (!parsed.success) {
      throw new Error(
        `Malformed AlertRaised detail: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
      );
    }
    const detail: AlertRaisedDetail = parsed.data;
    logger.appendKeys({ tenantId: detail.tenantId });
    const deps = getDeps();
    return { outcome: await notifyAlert({ ...deps, appUrl: deps.config.APP_URL }, detail) };
  });
