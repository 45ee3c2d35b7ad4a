import { useCallback, useRef } from 'react';
import { ApiError } from '../api/errors.ts';

/**
 * One `Idempotency-Key` per form submission: the same key is sent again only when the very
 * same body is retried to the very same record (`target`, e.g. the person or case the form
 * writes to) after an answer that left the outcome unknown (no answer, or a 5xx). The server
 * binds a key to its path and body too, so a key can never be replayed onto another record.
 */
export function useIdempotencyKey(target = '') {
  const last = useRef<{ request: string; key: string } | null>(null);

  /** The key for this body: reused for a retry of the same body to the same target, else a fresh one. */
  const keyFor = useCallback(
    (body: unknown): string => {
      const request = JSON.stringify([target, body]);
      if (last.current?.request === request) return last.current.key;
      const key = crypto.randomUUID();
      last.current = { request, key };
      return key;
    },
    [target],
  );

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
