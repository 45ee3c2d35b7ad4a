import type { SQSClient } from '@aws-sdk/client-sqs';

type Sqs = typeof import('@aws-sdk/client-sqs');

let sqs: Promise<{ client: SQSClient; SendMessageCommand: Sqs['SendMessageCommand'] }> | undefined;

/**
 * Puts a malformed HMPPS message on the dead-letter queue with the reason, so an operator can see
 * why it never reached the table. The SQS client loads on first use: most deliveries never need it.
 */
export async function deadLetterHmppsMessage(
  queueUrl: string | undefined,
  body: string,
  reason: string,
): Promise<void> {
  if (!queueUrl) throw new Error(`Malformed HMPPS event and no HMPPS_DLQ_URL to put it on: ${reason}`);
  sqs ??= import('@aws-sdk/client-sqs').then(({ SQSClient, SendMessageCommand }) => ({
    client: new SQSClient({}),
    SendMessageCommand,
  }));
  const { client, SendMessageCommand } = await sqs;
  await client.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: body,
      MessageAttributes: { reason: { DataType: 'String', StringValue: reason.slice(0, 1000) } },
    }),
  );
}
