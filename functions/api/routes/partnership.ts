import { memberAreasProblem } from '../../../shared/domain/membership-rules.ts';
import { riskDayProblem } from '../../../shared/domain/partnership-rules.ts';
import { ALL_ROLES, MEMBER_ROLES } from '../../../shared/domain/values.ts';
import { bodyRules } from '../../../shared/http/body-rules.ts';
import { defineFeature } from '../../../shared/http/route-def.ts';
import { Area, CreateAreaBody, UpdateAreaBody } from '../../../shared/schemas/area.ts';
import { Id, ListQuery, listOf } from '../../../shared/schemas/common.ts';
import { CreateMemberBody, Me, Member, UpdateMemberBody } from '../../../shared/schemas/member.ts';
import { Partnership, SetExportKeyBody, UpdatePartnershipBody } from '../../../shared/schemas/partnership.ts';
import * as z from '../../../shared/schemas/zod.ts';

const areaParams = z.object({ areaId: Id });
const memberParams = z.object({ memberId: Id });

/** The signed-in user, the partnership's settings, its areas and its members. */
export const routes = defineFeature('partnership', {
  getMe: {
    method: 'GET',
    path: '/me',
    roles: ALL_ROLES,
    summary: 'The signed-in user, their role, areas and partnership',
    response: Me,
    // The partnership's name.
    access: { table: ['GetItem'] },
  },
  getPartnership: {
    method: 'GET',
    path: '/partnership',
    roles: MEMBER_ROLES,
    summary: "The caller's partnership and its settings",
    response: Partnership,
    access: { table: ['GetItem'] },
  },
  updatePartnership: {
    method: 'PATCH',
    path: '/partnership',
    roles: ['chair'],
    summary: 'Change the name and settings',
    body: UpdatePartnershipBody,
    // Both sent: checked with the schema; one sent: checked against the current settings.
    rules: bodyRules(UpdatePartnershipBody, (body) => ({
      'settings.alertRules.engagementAtRiskDay': riskDayProblem(
        body.settings?.alertRules?.engagementAtRiskDay,
        body.settings?.engagementWindowDays,
      ),
    })),
    response: Partnership,
    conditional: true,
    // A new name moves its lock (outside the tenant): read the old one, then update, put and delete together.
    access: { table: ['GetItem', 'UpdateItem', 'PutItem', 'DeleteItem'], nameLocks: true },
  },
  setExportKey: {
    method: 'PUT',
    path: '/partnership/export-key',
    roles: ['chair'],
    summary:
      "Set the age public key (an X25519 recipient, age1…) that the operator's exports of the partnership are encrypted to; the last one set wins",
    body: SetExportKeyBody,
    response: Partnership,
    access: { table: ['UpdateItem'] },
  },
  listAreas: {
    method: 'GET',
    path: '/areas',
    roles: MEMBER_ROLES,
    summary: 'Areas (local authorities) of the partnership',
    query: ListQuery,
    response: listOf(Area),
    access: { table: ['Query'] },
  },
  createArea: {
    method: 'POST',
    path: '/areas',
    roles: ['chair'],
    summary: 'Add an area',
    body: CreateAreaBody,
    response: Area,
    status: 201,
    idempotent: true,
    // The area and its ONS-code lock, in one transaction of puts.
    access: { table: ['PutItem'] },
  },
  getArea: {
    method: 'GET',
    path: '/areas/{areaId}',
    roles: MEMBER_ROLES,
    summary: 'One area',
    params: areaParams,
    response: Area,
    access: { table: ['GetItem'] },
  },
  updateArea: {
    method: 'PATCH',
    path: '/areas/{areaId}',
    roles: ['chair'],
    summary: 'Change an area',
    params: areaParams,
    body: UpdateAreaBody,
    response: Area,
    conditional: true,
    // A new ONS code moves its lock: update the area, delete the old lock, put the new one.
    access: { table: ['GetItem', 'UpdateItem', 'DeleteItem', 'PutItem'] },
  },
  listMembers: {
    method: 'GET',
    path: '/members',
    roles: ['chair', 'manager'],
    summary: 'Members of the partnership',
    query: ListQuery,
    response: listOf(Member),
    access: { table: ['Query'] },
  },
  createMember: {
    method: 'POST',
    path: '/members',
    roles: ['chair'],
    summary: 'Invite a member',
    body: CreateMemberBody,
    rules: bodyRules(CreateMemberBody, (body) => ({ areaIds: memberAreasProblem(body.role, body.areaIds) })),
    response: Member,
    status: 201,
    idempotent: true,
    // The areas, the email lock, the partnership, then member and lock put together.
    access: { table: ['Query', 'GetItem', 'PutItem'], identity: ['AdminCreateUser', 'AdminDeleteUser'] },
  },
  getMember: {
    method: 'GET',
    path: '/members/{memberId}',
    roles: ['chair', 'manager'],
    summary: 'One member',
    params: memberParams,
    response: Member,
    access: { table: ['GetItem'] },
  },
  updateMember: {
    method: 'PATCH',
    path: '/members/{memberId}',
    roles: ['chair'],
    summary: "Change a member's role and areas",
    params: memberParams,
    body: UpdateMemberBody,
    // A new role with no areas: a role sent alone keeps the current areas, checked when applied.
    rules: bodyRules(UpdateMemberBody, (body) => ({ areaIds: memberAreasProblem(body.role, body.areaIds) })),
    response: Member,
    conditional: true,
    // The member, the chairs and areas (Query), then the versioned update.
    access: { table: ['GetItem', 'Query', 'UpdateItem'] },
  },
  deleteMember: {
    method: 'DELETE',
    path: '/members/{memberId}',
    roles: ['chair'],
    summary: 'Remove a member; their access ends at once',
    params: memberParams,
    status: 204,
    response: z.undefined(),
    // The member and the chairs, then member and email lock deleted together.
    access: { table: ['GetItem', 'Query', 'DeleteItem'], identity: ['AdminDeleteUser'] },
  },
});
