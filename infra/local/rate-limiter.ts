import type { ThrottleLimit } from '../../functions/api/throttling.ts';

/**
 * Token buckets, one per key (a route), as API Gateway throttles: a request takes a token;
 * tokens refill at the steady rate up to the burst size; an empty bucket means 429.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Takes a token for `key` under `limit`; answers false when the bucket is empty. */
  take(key: string, limit: ThrottleLimit): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.ratePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
