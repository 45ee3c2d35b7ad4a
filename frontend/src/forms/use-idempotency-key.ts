import { useCallback, useRef } from 'react';
import { ApiError } from '../api/errors.ts';

/**
 * One `Idempotency-Key` per form submission: the same key is sent again only when the very
 * same body is retried after an answer that left the outcome unknown (no answer, or a 5xx).
 */
export function useIdempotencyKey() {
  const last = useRef<{ body: string; key: string } | null>(null);

  /** The key for this body: reused for a retry of the same body, else a fresh one. */
  const keyFor = useCallback((body: unknown): string => {
    const text = JSON.stringify(body);
    if (last.current?.body === text) return last.current.key;
    const key = crypto.randomUUID();
    last.current = { body: text, key };
    return key;
  }, []);

  /** Forgets the key once the server has given a definite answer. */
  const settle = useCallback(() => {
    last.current = null;
  }, []);

  /**
   * Sends `body` with its key, and forgets the key once the answer is definite: kept only when
   * the outcome is unknown, so that retrying the same body cannot create it twice.
   */
  const send = useCallback(
    async <T>(body: unknown, request: (idempotencyKey: string) => Promise<T>): Promise<T> => {
      try {
        const answer = await request(keyFor(body));
        settle();
        return answer;
      } catch (error) {
        if (!(error instanceof ApiError && error.outcomeUnknown)) settle();
        throw error;
      }
    },
    [keyFor, settle],
  );

  return { keyFor, settle, send };
}
