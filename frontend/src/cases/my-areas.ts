import type { Area, MeInfo } from '../api/types.ts';
import type { FilterSelect } from '../components/FilterForm.tsx';

/** The areas the signed-in manager or caseworker covers, in the partnership's order. */
export function myAreas(areas: readonly Area[], me: MeInfo | undefined): Area[] {
  const mine = new Set(me?.areaIds ?? []);
  return areas.filter((area) => mine.has(area.id));
}

/** An area's name, or a plain phrase when it has been removed. */
export function areaName(areas: readonly Area[], areaId: string): string {
  return areas.find((area) => area.id === areaId)?.name ?? 'An area that was removed';
}

/**
 * A list's area filter, offered to a manager who covers more than one area (a caseworker's
 * lists already hold only their areas); none while the areas are still being read.
 */
export function areaFilter(
  areas: readonly Area[] | undefined,
  me: MeInfo | undefined,
): FilterSelect<'areaId'>[] {
  const mine = areas ? myAreas(areas, me) : [];
  if (me?.role !== 'manager' || mine.length < 2) return [];
  return [
    {
      name: 'areaId',
      label: 'Area',
      all: 'All your areas',
      items: mine.map((area) => ({ value: area.id, label: area.name })),
    },
  ];
}
