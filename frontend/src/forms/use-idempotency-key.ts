import { useCallback, useRef } from 'react';

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

  return { keyFor, settle };
}
