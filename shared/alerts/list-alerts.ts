import type { MemberPrincipal } from '../auth/area-access.ts';
import { type Alert, type AlertStatus, alertsOfArea } from '../data/alerts-repo.ts';
import type { Table } from '../data/table.ts';

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
