import type { RouteDef } from '../../functions/api/route-types.ts';
import { routeTableAccess, type TableAccess } from './table-access.ts';

/** What one function (a route's, a schedule's, a bus target's or a queue consumer's) may touch besides its own log group. */
export interface RouteAccess {
  /** Exactly these table actions and index queries (infra/aws/table-access.ts); none when undefined. */
  table: TableAccess | undefined;
  /** Read the cursor-signing key. */
  cursorKey: boolean;
  /** Cognito admin actions on the user pool (never more than the handler calls). */
  identityActions: readonly string[];
  /** Send mail from the service's SES identity (alert emails). */
  sendMail: boolean;
  /** Put events on the service's bus (events:PutEvents on that bus only). */
  publishEvents: boolean;
  /** May assume the tenant-scoped data role with a tenantId session tag (infra/aws/tenant-data-role.ts). */
  tenantRole: boolean;
}

/** Nothing at all: the starting point of every function's access. */
export const NO_ACCESS: RouteAccess = {
  table: undefined,
  cursorKey: false,
  identityActions: [],
  sendMail: false,
  publishEvents: false,
  tenantRole: false,
};

/**
 * The Cognito admin calls of the routes that invite or remove users
 * (shared/adapters/identity-cognito.ts): invite is AdminCreateUser, with AdminDeleteUser to undo
 * it when the table write fails; removal is AdminDeleteUser. Cognito mails the invitation itself,
 * so none of them sends mail through SES, and none may put users in groups.
 */
export const IDENTITY_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  createPartnership: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser'],
  offboardPartnership: ['cognito-idp:AdminDeleteUser'],
  createMember: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser'],
  deleteMember: ['cognito-idp:AdminDeleteUser'],
};

/**
 * Routes whose handlers publish to the bus: marking a first appointment missed raises its
 * alert at once (without the grant the alert would still come, from the next sweep), and a
 * checked release list is queued for the import worker.
 */
export const PUBLISHING_OPERATIONS: readonly string[] = ['updateAppointment', 'createReleaseImport'];

/**
 * Least privilege per route. Public routes (health, the OpenAPI document) answer without data,
 * so their functions get nothing at all. Routes a partnership member may call may also assume
 * the tenant-scoped data role; routes only the operator calls act across partnerships and may not.
 */
export function routeAccess(route: RouteDef): RouteAccess {
  if (route.roles === 'public') return NO_ACCESS;
  return {
    table: routeTableAccess(route),
    cursorKey: true,
    identityActions: IDENTITY_ACTIONS[route.operationId] ?? [],
    sendMail: false,
    publishEvents: PUBLISHING_OPERATIONS.includes(route.operationId),
    tenantRole: route.roles.some((role) => role !== 'operator'),
  };
}
