import { ALERT_CATALOGUE } from '../domain/alert-catalogue.ts';
import type { AlertRule } from '../domain/values.ts';
import type { Area } from '../schemas/area.ts';
import type { Member } from '../schemas/member.ts';

/**
 * The addresses an alert goes to, by the rule's audience in the alert catalogue. The area team is the area's alert addresses, or its managers
 * when the area has none, so an alert is never sent to nobody while the area has a manager.
 */
export function recipientsOf(
  rule: AlertRule,
  area: Pick<Area, 'id' | 'alertEmails'>,
  members: readonly Pick<Member, 'id' | 'email' | 'role' | 'areaIds'>[],
  assignedTo: string | undefined,
): string[] {
  const managers = members
    .filter((member) => member.role === 'manager' && member.areaIds.includes(area.id))
    .map((m) => m.email);
  const addresses = new Set<string>();
  for (const audience of ALERT_CATALOGUE[rule].audience) {
    if (audience === 'managers') for (const email of managers) addresses.add(email);
    if (audience === 'team')
      for (const email of area.alertEmails.length ? area.alertEmails : managers) addresses.add(email);
    if (audience === 'caseworker_else_team') {
      const caseworker = assignedTo ? members.find((member) => member.id === assignedTo) : undefined;
      const team = area.alertEmails.length ? area.alertEmails : managers;
      for (const email of caseworker ? [caseworker.email] : team) addresses.add(email);
    }
    if (audience === 'caseworker' && assignedTo) {
      const caseworker = members.find((member) => member.id === assignedTo);
      if (caseworker) addresses.add(caseworker.email);
    }
  }
  return [...addresses].sort();
}
