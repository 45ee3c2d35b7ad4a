/** A count as published: the number, or `"<5"` when small-number suppression hides it. */
export type PublishedCount = number | '<5';

/** Public outputs hide counts from 1 to 4 so that no one can be picked out of a small group. */
export const isSmall = (count: number): boolean => count >= 1 && count <= 4;

/**
 * Applies small-number suppression to named counts and the rates built from them: a hidden
 * count shows as "<5", and a rate any hidden count enters is withheld (null).
 */
export function suppressCounts<C extends string, R extends string>(
  counts: Record<C, number>,
  rates: Record<R, { value: number | null; from: readonly C[] }>,
  on: boolean,
): Record<C, PublishedCount> & Record<R, number | null> {
  const hidden = new Set((Object.keys(counts) as C[]).filter((name) => on && isSmall(counts[name])));
  const published = {} as Record<string, PublishedCount | number | null>;
  for (const name of Object.keys(counts) as C[]) published[name] = hidden.has(name) ? '<5' : counts[name];
  for (const name of Object.keys(rates) as R[]) {
    const rate = rates[name];
    published[name] = rate.from.some((count) => hidden.has(count)) ? null : rate.value;
  }
  return published as Record<C, PublishedCount> & Record<R, number | null>;
}
