import { type MemberActor, requireAreaOf } from '../auth/area-access.ts';
import { allMembers } from '../data/members-repo.ts';
import { loadCase } from '../data/referrals-repo.ts';
import type { ReadDeps } from './read-cases.ts';
import { mayHold } from './update-referral.ts';

/** `GET /referrals/{referralId}/assignees`: the caseworkers and managers who may hold the case, by name. */
export async function assigneesOf(deps: ReadDeps, actor: MemberActor, referralId: string) {
  const { tenantId } = actor.principal;
  const { referral } = await loadCase(deps.table, tenantId, referralId);
  requireAreaOf(actor.principal, referral.areaId, 'referral');
  const members = await allMembers(deps.table, tenantId);
  return {
    items: members
      .filter((member) => mayHold(member, referral.areaId))
      .map((member) => ({ id: member.id, name: member.name, role: member.role as 'caseworker' | 'manager' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id)),
  };
}
