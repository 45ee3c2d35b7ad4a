import type { CaseloadFilters, CaseloadRow } from '../../api/types.ts';

/** The caseload's filters as they sit in the address (`?areaId=&status=&pathway=&due=`). */
export const FILTER_NAMES = ['areaId', 'status', 'pathway', 'due'] as const;
export type FilterValues = Record<(typeof FILTER_NAMES)[number], string>;

/** The filters in the address, '' where none is set. */
export function filtersFrom(params: URLSearchParams): FilterValues {
  return {
    areaId: params.get('areaId') ?? '',
    status: params.get('status') ?? '',
    pathway: params.get('pathway') ?? '',
    due: params.get('due') ?? '',
  };
}

/** The address's query for the chosen filters (empty ones left out). */
export function filterParams(values: FilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (values[name]) params.set(name, values[name]);
  return params;
}

/** The `GET /referrals` query for the chosen filters. */
export function caseloadQuery(values: FilterValues): CaseloadFilters {
  const query: Record<string, string> = {};
  for (const name of FILTER_NAMES) if (values[name]) query[name] = values[name];
  return query as CaseloadFilters;
}

export type SortOrder = 'none' | 'ascending' | 'descending';

/** The date a case's release column shows: the release, else the expected release. */
export const releaseDateOf = (row: CaseloadRow): string | undefined =>
  row.releasedOn ?? row.expectedReleaseOn;

/**
 * Rows in the chosen order of release date; cases without one stay at the end either way.
 * `none` keeps the API's order: overdue first, then by when the next action falls due.
 */
export function sortByRelease(rows: readonly CaseloadRow[], order: SortOrder): CaseloadRow[] {
  if (order === 'none') return [...rows];
  const direction = order === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = releaseDateOf(a);
    const right = releaseDateOf(b);
    if (!left || !right) return left ? -1 : right ? 1 : 0;
    return left.localeCompare(right) * direction;
  });
}

/** The next order when the column's button is pressed. */
export const nextOrder = (order: SortOrder): SortOrder =>
  order === 'ascending' ? 'descending' : 'ascending';
