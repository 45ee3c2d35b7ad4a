import { memberOf, type Principal } from '../auth/principal.ts';
import { areaIdsOf } from '../data/areas-repo.ts';
import type { Table } from '../data/table.ts';
import { londonDate } from '../domain/dates.ts';
import { ValidationFailed } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import { monthsBetween } from './cohort.ts';

/** The longest period one report covers. */
export const MAX_MONTHS = 36;

/** The month `count` months before `month`. */
function monthsBefore(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface ResolvedScope {
  tenantId: string;
  months: string[];
  from: string;
  to: string;
  areaIds: string[];
  areaId?: string;
  suppress: boolean;
  today: string;
}

/**
 * What a report covers for this caller: the months (default the last 12), the areas (a manager
 * their own; a chair or analyst the whole partnership), and whether small numbers are hidden
 * (for chairs and analysts when the partnership says so; managers see exact figures).
 */
export async function reportScope(
  table: Table,
  principal: Principal,
  query: { from?: string; to?: string; areaId?: string },
  settings: PartnershipSettings,
  now: Date,
): Promise<ResolvedScope> {
  const member = memberOf(principal);
  const today = londonDate(now);
  const to = query.to ?? today.slice(0, 7);
  const from = query.from ?? monthsBefore(to, 11);
  if (from > to)
    throw new ValidationFailed('The period is back to front.', {
      from: `must be no later than to (${to}), got ${from}`,
    });
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) {
    throw new ValidationFailed('The period is too long.', {
      to: `a report covers at most ${MAX_MONTHS} months, got ${months.length}`,
    });
  }
  const covered = member.role === 'manager' ? member.areaIds : [...(await areaIdsOf(table, member.tenantId))];
  if (query.areaId && !covered.includes(query.areaId)) {
    throw new ValidationFailed('That area is not one you can report on.', {
      areaId: `is not one of your areas, got "${query.areaId}"`,
    });
  }
  return {
    tenantId: member.tenantId,
    months,
    from,
    to,
    areaIds: query.areaId ? [query.areaId] : covered,
    areaId: query.areaId,
    suppress: member.role !== 'manager' && settings.suppressSmallNumbers,
    today,
  };
}
