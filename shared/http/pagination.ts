import type { Deps } from '../adapters/deps.ts';
import type { Page, PageRequest } from '../data/query-page.ts';

export interface ListQueryValues {
  limit: number;
  cursor?: string;
}

/**
 * The scope a list's cursors are bound to: whose they are (a tenant, a tenant's member, or an
 * operator), the list, and the filters that shaped it. A cursor decodes only in the scope it was
 * issued for, so it cannot be moved between tenants, members, lists or filters.
 */
export const cursorScope = (owner: readonly string[], list: string, ...filters: readonly string[]): string =>
  [...owner, list, ...filters].join('|');

/** Reads `?limit=&cursor=` into a page request, checking the cursor against its scope. */
export async function pageRequest(deps: Deps, query: ListQueryValues, scope: string): Promise<PageRequest> {
  const codec = await deps.cursors();
  return { limit: query.limit, startKey: codec.decode(query.cursor, scope) };
}

/** The list envelope `{items, nextCursor}`. */
export async function listResponse<T>(
  deps: Deps,
  page: Page<T>,
  scope: string,
): Promise<{ items: T[]; nextCursor?: string }> {
  const codec = await deps.cursors();
  const nextCursor = codec.encode(page.lastKey, scope);
  return nextCursor ? { items: page.items, nextCursor } : { items: page.items };
}

/**
 * A page of a list read whole and ordered in memory (an area's caseload, its alerts), by position:
 * the cursor holds the offset of the next page.
 */
export async function positionPage<T>(
  deps: Deps,
  rows: readonly T[],
  query: ListQueryValues,
  scope: string,
): Promise<Page<T>> {
  const start = Number((await pageRequest(deps, query, scope)).startKey?.offset ?? 0);
  const end = start + query.limit;
  return { items: rows.slice(start, end), lastKey: end < rows.length ? { offset: end } : undefined };
}
