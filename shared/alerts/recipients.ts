import type { AlertRule } from '../domain/values.ts';
import type { Area } from '../schemas/area.ts';
import type { Member } from '../schemas/member.ts';

/** Who each rule tells (DESIGN.md §3): the area's team, the assigned caseworker, the area's managers. */
const AUDIENCE: Record<AlertRule, readonly ('team' | 'caseworker' | 'managers')[]> = {
  no_first_appointment: ['team'],
  first_appointment_missed: ['caseworker', 'team'],
  engagement_at_risk: ['managers'],
  engagement_window_missed: ['managers'],
  release_not_confirmed: ['team'],
};

/**
 * The addresses an alert goes to. The area team is the area's alert addresses, or its managers
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
  for (const audience of AUDIENCE[rule]) {
    if (audience === 'managers') for (const email of managers) addresses.add(email);
    if (audience === 'team')
      for (const email of area.alertEmails.length ? area.alertEmails : managers) addresses.add(email);
    if (audience === 'caseworker' && assignedTo) {
      const caseworker = members.find((member) => member.id === assignedTo);
      if (caseworker) addresses.add(caseworker.email);
    }
  }
  return [...addresses].sort();
}
