/** The runs of both sides of a comparison, in the order each side ran. */
export interface Interleaved<A, B> {
  a: A[];
  b: B[];
}

/**
 * Measures two sides in A B B A order, so whatever drifts during a run (DynamoDB Local's JIT
 * warming up, the table growing, other work on the machine) weighs on both sides alike rather
 * than on whichever ran second.
 */
export async function abba<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<Interleaved<A, B>> {
  const firstA = await a();
  const firstB = await b();
  const secondB = await b();
  const secondA = await a();
  return { a: [firstA, secondA], b: [firstB, secondB] };
}
