import type { MemberPrincipal } from '../auth/area-access.ts';
import { type Alert, type AlertStatus, alertsOfArea } from '../data/alerts-repo.ts';
import { type Page, type PageRequest, slicePage } from '../data/query-page.ts';
import type { Table } from '../data/table.ts';
import { caseReference } from './alert-email.ts';

const STATUS_ORDER: Record<AlertStatus, number> = { open: 0, acknowledged: 1, resolved: 2 };

/** Every alert of the given areas (an area raises a few a day). */
const alertsOfAreas = async (table: Table, tenantId: string, areaIds: readonly string[]) =>
  (await Promise.all(areaIds.map((areaId) => alertsOfArea(table, tenantId, areaId)))).flat();

/** The alerts of the given areas, of one status if asked: open first, newest first within each. */
export async function alertsToWorkOn(
  table: Table,
  principal: MemberPrincipal,
  areaIds: readonly string[],
  status: AlertStatus | undefined,
): Promise<Alert[]> {
  const all = await alertsOfAreas(table, principal.tenantId, areaIds);
  return all
    .filter((alert) => !status || alert.status === status)
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        b.raisedAt.localeCompare(a.raisedAt) ||
        a.id.localeCompare(b.id),
    );
}

/** An alert as the API shows it: with the case reference its email names. */
export type ListedAlert = Alert & { caseReference: string };

/** The alert as the API shows it. */
export const listedAlert = (alert: Alert): ListedAlert => ({
  ...alert,
  caseReference: caseReference(alert.referralId),
});

/** A page of the alerts to work on, each with its case reference. */
export async function alertsPage(
  table: Table,
  principal: MemberPrincipal,
  areaIds: readonly string[],
  status: AlertStatus | undefined,
  page: () => Promise<PageRequest>,
): Promise<Page<ListedAlert>> {
  const listed = slicePage(await alertsToWorkOn(table, principal, areaIds, status), await page());
  return {
    ...listed,
    items: listed.items.map(listedAlert),
  };
}

/** Open and acknowledged alerts in the member's areas, for the navigation. */
export async function alertCounts(
  table: Table,
  principal: MemberPrincipal,
): Promise<{ open: number; acknowledged: number }> {
  const all = await alertsOfAreas(table, principal.tenantId, principal.areaIds);
  return {
    open: all.filter((alert) => alert.status === 'open').length,
    acknowledged: all.filter((alert) => alert.status === 'acknowledged').length,
  };
}
