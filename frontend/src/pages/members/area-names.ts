import { AREA_SCOPED_ROLES } from '../../../../shared/domain/values.ts';
import type { Area, Member } from '../../api/types.ts';

/** The member's areas by name; chairs and analysts with no areas see the whole partnership. */
export function areaNames(member: Member, areas: readonly Area[]): string[] {
  if (member.areaIds.length === 0) {
    return AREA_SCOPED_ROLES.includes(member.role) ? ['None'] : ['All areas'];
  }
  return member.areaIds.map((id) => areas.find((area) => area.id === id)?.name ?? 'An area that was removed');
}
