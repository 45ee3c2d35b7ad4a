import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { HmppsPrisonerEvent, unwrapSns } from '../../events/hmpps-events.ts';
import { deadLetterHmppsMessage } from '../../shared/adapters/dead-letter-sqs.ts';
import { getDeps } from '../../shared/adapters/deps.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { ingestHmppsEvent } from '../../shared/imports/hmpps-event.ts';

/** Parses one queued message (an SNS notification, or the event itself) into a prisoner event, or the reason it is malformed. */
export function parseMessage(body: string): { event: HmppsPrisonerEvent } | { reason: string } {
  let json: unknown;
  try {
    json = unwrapSns(JSON.parse(body));
  } catch {
    return { reason: 'the message is not JSON' };
  }
  const parsed = HmppsPrisonerEvent.safeParse(json);
  if (parsed.success) return { event: parsed.data };
  return {
    reason: parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`)
      .join('; '),
  };
}

/**
 * The HMPPS domain events queue's consumer (subscribed to prisoner-released and -received events). Malformed
 * events go to the dead-letter queue with the reason and never reach the table; a message that
 * fails for another reason is reported back, so SQS redelivers it (and dead-letters it later).
 */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const parsed = parseMessage(record.body);
        if ('reason' in parsed) {
          logger.warn('malformed HMPPS event dead-lettered', {
            messageId: record.messageId,
            reason: parsed.reason,
          });
          await deadLetterHmppsMessage(getDeps().config.HMPPS_DLQ_URL, record.body, parsed.reason);
          continue;
        }
        await ingestHmppsEvent(getDeps(), parsed.event);
      } catch (error) {
        logger.error('HMPPS event failed; SQS will redeliver it', {
          messageId: record.messageId,
          error: String(error),
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  });
