import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { PrisonerReleasedEvent, unwrapSns } from '../../events/hmpps-events.ts';
import { getDeps } from '../../shared/adapters/deps.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { ingestPrisonerReleased } from '../../shared/imports/prisoner-released.ts';

let sqs: SQSClient | undefined;

/** Parses one queued message into a prisoner-released event, or the reason it is malformed. */
export function parseMessage(body: string): { event: PrisonerReleasedEvent } | { reason: string } {
  let json: unknown;
  try {
    json = unwrapSns(JSON.parse(body));
  } catch {
    return { reason: 'the message is not JSON' };
  }
  const parsed = PrisonerReleasedEvent.safeParse(json);
  if (parsed.success) return { event: parsed.data };
  return {
    reason: parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`)
      .join('; '),
  };
}

/** Puts a malformed message on the dead-letter queue with its reason, so an operator can see why. */
async function deadLetter(record: SQSRecord, reason: string): Promise<void> {
  const url = getDeps().config.HMPPS_DLQ_URL;
  if (!url) throw new Error(`Malformed HMPPS event and no HMPPS_DLQ_URL to put it on: ${reason}`);
  sqs ??= new SQSClient({});
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: record.body,
      MessageAttributes: { reason: { DataType: 'String', StringValue: reason.slice(0, 1000) } },
    }),
  );
}

/**
 * The HMPPS domain events queue's consumer (subscribed to prisoner-released events). Malformed
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
          await deadLetter(record, parsed.reason);
          continue;
        }
        await ingestPrisonerReleased(getDeps(), parsed.event);
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
