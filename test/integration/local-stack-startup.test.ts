import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { startLocalStack } from '../../infra/local/stack.ts';

/** A request with a deadline, so a connection left hanging fails the test instead of stalling it. */
const answerOf = async (url: string) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    text: await response.text(),
  };
};

describe('the local stack while it starts', () => {
  it('answers every request it accepts: 503 unavailable until ready, then the service', async () => {
    // Prepare: send requests the moment the port opens, while the demo is still being seeded.
    const early: Promise<Awaited<ReturnType<typeof answerOf>>>[] = [];
    // Act
    const stack = await startLocalStack({
      port: 0,
      dynamoEndpoint: inject('dynamoEndpoint'),
      tableName: `continuity-${randomUUID()}`,
      seedDemo: true,
      quiet: true,
      onListening: (url) => {
        early.push(answerOf(`${url}/api/health`), answerOf(`${url}/api/partnership`), answerOf(`${url}/`));
      },
    });
    try {
      // Assess: each early request got a definite answer, in the API's error shape under /api.
      const [health, partnership, page] = await Promise.all(early);
      for (const answer of [health, partnership]) {
        expect(answer?.status).toBe(503);
        expect(answer?.retryAfter).toBeTruthy();
        expect(JSON.parse(answer?.text ?? '{}').error.code).toBe('unavailable');
      }
      expect(page?.status).toBe(503);
      expect(page?.text).toContain('starting');
      // Once ready, the same requests reach the service.
      expect((await answerOf(`${stack.apiUrl}/health`)).status).toBe(200);
      expect((await answerOf(`${stack.apiUrl}/partnership`)).status).toBe(401);
    } finally {
      await stack.stop();
    }
  });
});
