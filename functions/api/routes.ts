import { z } from 'zod';
import { ALL_ROLES, MEMBER_ROLES } from '../../shared/domain/values.ts';
import { Area, CreateAreaBody, UpdateAreaBody } from '../../shared/schemas/area.ts';
import { Id, ListQuery, listOf } from '../../shared/schemas/common.ts';
import { CreateMemberBody, Me, Member, UpdateMemberBody } from '../../shared/schemas/member.ts';
import {
  CreatePartnershipBody,
  Partnership,
  UpdatePartnershipBody,
} from '../../shared/schemas/partnership.ts';
import type { RouteDef } from './route-types.ts';

export type { RouteDef } from './route-types.ts';

const areaParams = z.object({ areaId: Id });
const memberParams = z.object({ memberId: Id });

/** Every route of the HTTP API (API.md). The single source for CDK, the local gateway and OpenAPI. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/health',
    operationId: 'getHealth',
    module: 'meta',
    roles: 'public',
    summary: 'Liveness check',
    response: z.object({ status: z.literal('ok') }),
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    module: 'meta',
    roles: 'public',
    summary: 'OpenAPI 3.1 document of this API, generated from the zod schemas',
  },
  {
    method: 'GET',
    path: '/me',
    operationId: 'getMe',
    module: 'meta',
    roles: ALL_ROLES,
    summary: 'The signed-in user, their role, areas and partnership',
    response: Me,
  },
  {
    method: 'POST',
    path: '/admin/partnerships',
    operationId: 'createPartnership',
    module: 'admin',
    roles: ['operator'],
    summary: 'Create a partnership and invite its first chair',
    body: CreatePartnershipBody,
    response: z.object({ partnership: Partnership, chair: Member }),
    status: 201,
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/admin/partnerships',
    operationId: 'listPartnerships',
    module: 'admin',
    roles: ['operator'],
    summary: 'List partnerships (no person-level data)',
    query: ListQuery,
    response: listOf(Partnership),
  },
  {
    method: 'GET',
    path: '/partnership',
    operationId: 'getPartnership',
    module: 'partnership',
    roles: MEMBER_ROLES,
    summary: "The caller's partnership and its settings",
    response: Partnership,
  },
  {
    method: 'PATCH',
    path: '/partnership',
    operationId: 'updatePartnership',
    module: 'partnership',
    roles: ['chair'],
    summary: 'Change the name and settings',
    body: UpdatePartnershipBody,
    response: Partnership,
    conditional: true,
  },
  {
    method: 'GET',
    path: '/areas',
    operationId: 'listAreas',
    module: 'areas',
    roles: MEMBER_ROLES,
    summary: 'Areas (local authorities) of the partnership',
    query: ListQuery,
    response: listOf(Area),
  },
  {
    method: 'POST',
    path: '/areas',
    operationId: 'createArea',
    module: 'areas',
    roles: ['chair'],
    summary: 'Add an area',
    body: CreateAreaBody,
    response: Area,
    status: 201,
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/areas/{areaId}',
    operationId: 'getArea',
    module: 'areas',
    roles: MEMBER_ROLES,
    summary: 'One area',
    params: areaParams,
    response: Area,
  },
  {
    method: 'PATCH',
    path: '/areas/{areaId}',
    operationId: 'updateArea',
    module: 'areas',
    roles: ['chair'],
    summary: 'Change an area',
    params: areaParams,
    body: UpdateAreaBody,
    response: Area,
    conditional: true,
  },
  {
    method: 'GET',
    path: '/members',
    operationId: 'listMembers',
    module: 'members',
    roles: ['chair', 'manager'],
    summary: 'Members of the partnership',
    query: ListQuery,
    response: listOf(Member),
  },
  {
    method: 'POST',
    path: '/members',
    operationId: 'createMember',
    module: 'members',
    roles: ['chair'],
    summary: 'Invite a member',
    body: CreateMemberBody,
    response: Member,
    status: 201,
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/members/{memberId}',
    operationId: 'getMember',
    module: 'members',
    roles: ['chair', 'manager'],
    summary: 'One member',
    params: memberParams,
    response: Member,
  },
  {
    method: 'PATCH',
    path: '/members/{memberId}',
    operationId: 'updateMember',
    module: 'members',
    roles: ['chair'],
    summary: "Change a member's role and areas",
    params: memberParams,
    body: UpdateMemberBody,
    response: Member,
    conditional: true,
  },
  {
    method: 'DELETE',
    path: '/members/{memberId}',
    operationId: 'deleteMember',
    module: 'members',
    roles: ['chair'],
    summary: 'Remove a member; their access ends at once',
    params: memberParams,
    status: 204,
  },
];

/** The route with this operationId; throws at start-up if a handler names a route that does not exist. */
export function route(operationId: string): RouteDef {
  const found = routes.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`No route has operationId ${operationId}`);
  return found;
}

/** The API modules (one Lambda bundle each in AWS), in route-table order. */
export const routeModules = (): string[] => [...new Set(routes.map((route) => route.module))];
