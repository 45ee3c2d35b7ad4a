import type { Area, MeInfo } from '../api/types.ts';

/** The areas the signed-in manager or caseworker covers, in the partnership's order. */
export function myAreas(areas: readonly Area[], me: MeInfo | undefined): Area[] {
  const mine = new Set(me?.areaIds ?? []);
  return areas.filter((area) => mine.has(area.id));
}

/** An area's name, or a plain phrase when it has been removed. */
export function areaName(areas: readonly Area[], areaId: string): string {
  return areas.find((area) => area.id === areaId)?.name ?? 'An area that was removed';
}
