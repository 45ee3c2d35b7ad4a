/** Latency and throughput of one measured run, in milliseconds and operations per second. */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  perSecond: number;
}

/**
 * The `p`th percentile (0–100) of the samples by the nearest-rank method: a value that was
 * actually observed, so p99 of a short run is a real request and not an interpolation.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** p50, p99 and rate of the successful operations of a run that lasted `elapsedSeconds`. */
export function summarize(latenciesMs: readonly number[], elapsedSeconds: number): Summary {
  return {
    count: latenciesMs.length,
    p50: percentile(latenciesMs, 50),
    p99: percentile(latenciesMs, 99),
    perSecond: elapsedSeconds > 0 ? latenciesMs.length / elapsedSeconds : Number.NaN,
  };
}
