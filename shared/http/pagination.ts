import type { Deps } from '../adapters/deps.ts';
import type { PageRequest } from '../data/query-page.ts';

export interface ListQueryValues {
  limit: number;
  cursor?: string;
}

/**
 * Reads `?limit=&cursor=` into a page request. The cursor is checked against the scope it was
 * issued for (the caller's partition and the list), so it cannot be moved between tenants.
 */
export async function pageRequest(deps: Deps, query: ListQueryValues, scope: string): Promise<PageRequest> {
  const codec = await deps.cursors();
  return { limit: query.limit, startKey: codec.decode(query.cursor, scope) };
}

/** The list envelope `{items, nextCursor}`. */
export async function listResponse<T>(
  deps: Deps,
  page: { items: T[]; lastKey?: Record<string, unknown> },
  scope: string,
): Promise<{ items: T[]; nextCursor?: string }> {
  const codec = await deps.cursors();
  const nextCursor = codec.encode(page.lastKey, scope);
  return nextCursor ? { items: page.items, nextCursor } : { items: page.items };
}
