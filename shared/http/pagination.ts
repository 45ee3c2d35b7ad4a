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

/**
 * One page of a list as the API answers it, `{items, nextCursor}`: `read` gets the page request
 * that `?limit=&cursor=` name (the cursor checked against its scope when `read` asks for it, so a
 * use case may check access first) and answers the page; the next page's position goes back as
 * a cursor signed for the same scope.
 */
export async function listPage<T, Extra extends object = object>(
  deps: Deps,
  query: ListQueryValues,
  scope: string,
  read: (page: () => Promise<PageRequest>) => Promise<Page<T> & Extra>,
): Promise<{ items: T[]; nextCursor?: string } & Omit<Extra, 'items' | 'lastKey'>> {
  const codec = await deps.cursors();
  const { items, lastKey, ...extra } = await read(async () => ({
    limit: query.limit,
    startKey: codec.decode(query.cursor, scope),
  }));
  const nextCursor = codec.encode(lastKey, scope);
  // Anything else the list answers with (the worklist's counts) goes along as it is.
  return { ...(extra as Omit<Extra, 'items' | 'lastKey'>), items, ...(nextCursor ? { nextCursor } : {}) };
}
