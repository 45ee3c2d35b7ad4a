import { Conflict, ValidationFailed } from '../errors.ts';
import { AREA_SCOPED_ROLES, type MemberRole } from './values.ts';

/** What is wrong with a member's areas for their role, if anything: managers and caseworkers need one. */
export function memberAreasProblem(
  role: MemberRole | undefined,
  areaIds: readonly string[] | undefined,
): string | undefined {
  return role && AREA_SCOPED_ROLES.includes(role) && areaIds !== undefined && areaIds.length === 0
    ? `a ${role} must cover at least one area: choose one or more`
    : undefined;
}

/**
 * The areas a member of `role` covers. Managers and caseworkers work in named areas and need at
 * least one, each an area of the partnership; chairs and analysts see the whole partnership, so
 * their list is empty whatever was sent.
 */
export function areasForRole(
  role: MemberRole,
  areaIds: readonly string[],
  knownAreaIds: ReadonlySet<string>,
): string[] {
  if (!AREA_SCOPED_ROLES.includes(role)) return [];
  const unique = [...new Set(areaIds)];
  const problem = memberAreasProblem(role, unique);
  if (problem) throw new ValidationFailed('Choose the areas this member works in.', { areaIds: problem });
  const fields: Record<string, string> = {};
  // Positions name the list as the client sent it; a repeated bad id is named once.
  areaIds.forEach((areaId, index) => {
    if (!knownAreaIds.has(areaId) && areaIds.indexOf(areaId) === index) {
      fields[`areaIds.${index}`] = `is not an area of this partnership, got "${areaId}"`;
    }
  });
  if (Object.keys(fields).length > 0)
    throw new ValidationFailed('Some areas are not areas of this partnership.', fields);
  return unique;
}

/** Refuses a change that would leave the partnership without a chair. */
export function keepAChair(
  chairIds: readonly string[],
  memberId: string,
  newRole: MemberRole | 'removed',
): void {
  const leaving = chairIds.includes(memberId) && newRole !== 'chair';
  if (leaving && chairIds.length <= 1) {
    throw new Conflict('last_chair', 'A partnership needs a chair: make another member chair first.');
  }
}
