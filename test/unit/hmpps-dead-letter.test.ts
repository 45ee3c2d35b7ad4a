import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { deadLetterHmppsMessage } from '../../shared/adapters/dead-letter-sqs.ts';

const sqs = mockClient(SQSClient);

describe('deadLetterHmppsMessage (shared/adapters/dead-letter-sqs.ts)', () => {
  it('puts the message on the queue with its reason, cut to what an attribute holds', async () => {
    sqs.on(SendMessageCommand).resolves({});
    await deadLetterHmppsMessage('https://sqs.example/dlq', '{"bad":true}', 'x'.repeat(2000));
    const input = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(input?.QueueUrl).toBe('https://sqs.example/dlq');
    expect(input?.MessageBody).toBe('{"bad":true}');
    expect(input?.MessageAttributes?.reason?.StringValue).toHaveLength(1000);
  });

  it('refuses, naming the reason, when no dead-letter queue is configured', async () => {
    await expect(deadLetterHmppsMessage(undefined, '{}', 'occurredAt: Required')).rejects.toThrow(
      /no HMPPS_DLQ_URL.*occurredAt: Required/,
    );
  });
});
