import { CASELOAD_SORTS, type CaseloadSort } from '../../../../shared/schemas/referral.ts';

/** The caseload's place in the address: its filters, its view and its sort (`?status=…&sort=name&order=desc`). */
export const FILTER_NAMES = [
  'areaId',
  'assignee',
  'status',
  'pathway',
  'programme',
  'due',
  'releasingWithinDays',
  'sort',
  'order',
] as const;

/** The "releasing in the next 12 weeks" view, for planning in-reach before release. */
export const RELEASING_SOON_DAYS = '84';

/** The orders the API can sort the whole caseload by (`?sort=`). */
export const SORT_KEYS = CASELOAD_SORTS;
export type SortKey = CaseloadSort;
export type SortOrder = 'asc' | 'desc';

/** The API's order when the address names none: next action due, soonest first. */
export const DEFAULT_SORT: SortKey = 'next_action';

/** The sort the address asks for, or the API's default. */
export function sortOf(sort: string, order: string): { key: SortKey; order: SortOrder } {
  const key = (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : DEFAULT_SORT;
  return { key, order: order === 'desc' ? 'desc' : 'asc' };
}

/** `aria-sort` of a column: its order while the list is sorted by it, else `none`. */
export function ariaSort(column: SortKey, current: { key: SortKey; order: SortOrder }) {
  if (column !== current.key) return 'none' as const;
  return current.order === 'asc' ? ('ascending' as const) : ('descending' as const);
}

/**
 * The address that sorts by `column`: ascending first, the other way round when it is already
 * sorted by it ascending. The filters stay; the page goes back to the first (a cursor is for one order).
 */
export function sortHref(
  keep: URLSearchParams,
  column: SortKey,
  current: { key: SortKey; order: SortOrder },
): string {
  const params = new URLSearchParams(keep);
  params.delete('cursor');
  params.set('sort', column);
  params.set('order', current.key === column && current.order === 'asc' ? 'desc' : 'asc');
  return `?${params.toString()}`;
}
