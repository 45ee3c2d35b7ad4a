import type { Clock } from '../adapters/ports.ts';
import type { MemberActor, MemberPrincipal } from '../auth/area-access.ts';
import { type Alert, type AlertStatus, alertsOfArea } from '../data/alerts-repo.ts';
import { recordListReads } from '../data/audit-repo.ts';
import { keys } from '../data/keys.ts';
import { getPeople } from '../data/people-repo.ts';
import { type Page, type PageRequest, slicePage } from '../data/query-page.ts';
import type { Table } from '../data/table.ts';
import { getMany } from '../data/table-io.ts';
import { caseReference } from '../domain/case-reference.ts';

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

/** An alert as the API shows it: with the case reference its email names, and on lists the person's name. */
export type ListedAlert = Alert & {
  caseReference: string;
  reference: string;
  person?: { givenName: string; familyName: string } | null;
};

/** The alert as the API shows it. */
export const listedAlert = (alert: Alert): ListedAlert => ({
  ...alert,
  caseReference: caseReference(alert.referralId),
  reference: caseReference(alert.referralId),
});

/** The person of each alert, by referral id: from the alert, or for older alerts from its referral. */
async function personIdsOf(table: Table, tenantId: string, alerts: readonly Alert[]) {
  const byReferral = new Map<string, string>();
  for (const alert of alerts) if (alert.personId) byReferral.set(alert.referralId, alert.personId);
  const missing = [...new Set(alerts.filter((alert) => !alert.personId).map((alert) => alert.referralId))];
  if (missing.length) {
    const referrals = await getMany(
      table,
      missing.map((referralId) => keys.referral(tenantId, referralId)),
    );
    for (const item of referrals) byReferral.set(String(item.id), String(item.personId));
  }
  return byReferral;
}

/**
 * A page of the alerts to work on, each with its case reference and its person's name (staff of
 * the area may see the case); reading the names is audited as a list read of each person.
 */
export async function alertsPage(
  deps: { table: Table; clock: Clock },
  actor: MemberActor,
  areaIds: readonly string[],
  status: AlertStatus | undefined,
  page: () => Promise<PageRequest>,
): Promise<Page<ListedAlert>> {
  const { table } = deps;
  const { tenantId } = actor.principal;
  const listed = slicePage(await alertsToWorkOn(table, actor.principal, areaIds, status), await page());
  const personOf = await personIdsOf(table, tenantId, listed.items);
  const people = await getPeople(table, tenantId, [...personOf.values()]);
  await recordListReads(
    table,
    tenantId,
    listed.items.flatMap((alert) => {
      const personId = personOf.get(alert.referralId);
      return personId ? [{ personId, record: 'alert' as const, recordId: alert.id }] : [];
    }),
    actor,
    deps.clock(),
  );
  return {
    ...listed,
    items: listed.items.map((alert) => {
      const person = people.get(personOf.get(alert.referralId) ?? '');
      return {
        ...listedAlert(alert),
        person: person ? { givenName: person.givenName, familyName: person.familyName } : null,
      };
    }),
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
