import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

// Built on first use: most deliveries are well formed and never need it.
let client: SQSClient | undefined;

/**
 * Puts a malformed HMPPS message on the dead-letter queue with the reason, so an operator can see
 * why it never reached the table.
 */
export async function deadLetterHmppsMessage(
  queueUrl: string | undefined,
  body: string,
  reason: string,
): Promise<void> {
  if (!queueUrl) throw new Error(`Malformed HMPPS event and no HMPPS_DLQ_URL to put it on: ${reason}`);
  client ??= new SQSClient({});
  await client.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: body,
      // An SQS message attribute holds at most 256 KB; the reason names fields, so 1,000 is ample.
      MessageAttributes: { reason: { DataType: 'String', StringValue: reason.slice(0, 1000) } },
    }),
  );
}
