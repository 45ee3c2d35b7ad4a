import type { WorklistTab } from '../../api/types.ts';
import { WORKLIST_TABS } from '../../cases/release-values.ts';

/** The worklist's place in the address: `?assignee=` (its tab) and `?areaId=`. */
export const WORKLIST_FILTERS = ['assignee', 'areaId'] as const;

/** The tabs in the order they are shown, with their names. */
export const TAB_NAMES: Record<WorklistTab, string> = {
  me: 'My cases',
  unassigned: 'Unassigned',
  all: 'All',
};

/** The tab the address asks for; every case (the API's default) when it names none or another. */
export function tabOf(value: string | undefined): WorklistTab {
  return (WORKLIST_TABS as readonly string[]).includes(value ?? '') ? (value as WorklistTab) : 'all';
}

/** The address of a tab, keeping the area chosen but not the page (a cursor is for one tab). */
export function tabHref(tab: WorklistTab, areaId: string): string {
  const params = new URLSearchParams();
  if (tab !== 'all') params.set('assignee', tab);
  if (areaId) params.set('areaId', areaId);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}
