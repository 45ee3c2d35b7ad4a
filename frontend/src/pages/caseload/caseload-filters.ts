import type { CaseloadRow } from '../../api/types.ts';

/** The caseload's filters as they sit in the address (`?areaId=&status=&pathway=&due=`). */
export const FILTER_NAMES = ['areaId', 'status', 'pathway', 'due'] as const;

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
