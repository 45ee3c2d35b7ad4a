/**
 * Runs `work` on every item, at most `limit` at once, and answers the results in item order: the
 * one bounded worker pool (the sweep's cases, an import's rows, batch writes, bench seeding).
 * The first failure rejects the whole; work already started finishes first.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
