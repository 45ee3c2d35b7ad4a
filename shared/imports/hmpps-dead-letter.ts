import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

let sqs: SQSClient | undefined;

/**
 * Puts a malformed HMPPS message on the dead-letter queue with the reason, so an operator can see
 * why it never reached the table. The client is made on first use: most deliveries never need it.
 */
export async function deadLetterHmppsMessage(
  queueUrl: string | undefined,
  body: string,
  reason: string,
): Promise<void> {
  if (!queueUrl) throw new Error(`Malformed HMPPS event and no HMPPS_DLQ_URL to put it on: ${reason}`);
  sqs ??= new SQSClient({});
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: body,
      MessageAttributes: { reason: { DataType: 'String', StringValue: reason.slice(0, 1000) } },
    }),
  );
}
