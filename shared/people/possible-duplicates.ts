/**
 * Whether a new person may be added beside the people who may be the same person: only when
 * the member has confirmed, by id, that it is none of them. A confirmation that leaves one out
 * (it may have been found since the member looked) is no confirmation.
 */
export function confirmedDifferent(
  candidates: readonly string[],
  notDuplicateOf: readonly string[],
): boolean {
  return candidates.every((candidate) => notDuplicateOf.includes(candidate));
}
