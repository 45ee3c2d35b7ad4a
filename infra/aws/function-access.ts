import type { RouteDef } from '../../shared/http/route-def.ts';
import { routeTableAccess, type TableAccess, unionTableAccess } from './table-access.ts';

/** What one function (a feature's, a schedule's, a bus target's or a queue consumer's) may touch besides its own log group. */
export interface FunctionAccess {
  /**
   * Exactly these table actions and index queries with the function's own role
   * (infra/aws/table-access.ts); none when undefined. Member-facing routes have none of their own.
   */
  table: TableAccess | undefined;
  /**
   * What its members' requests do with the table through the tenant-scoped data role, whose
   * policy is the union of these over every function and allows only the tenant's own keys.
   */
  tenantTable: TableAccess | undefined;
  /** Its tenant sessions may also reach the partnership-name locks (RouteAccess `nameLocks`). */
  nameLocks: boolean;
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
export const NO_ACCESS: FunctionAccess = {
  table: undefined,
  tenantTable: undefined,
  nameLocks: false,
  cursorKey: false,
  identityActions: [],
  sendMail: false,
  publishEvents: false,
  tenantRole: false,
};

/**
 * Least privilege per route, from what the route declares in functions/api/routes/<feature>.ts. Public
 * routes (health, the OpenAPI document) answer without data, so they get nothing at all.
 * Signed-in routes read the cursor key (lists page with signed cursors). Routes a partnership
 * member may call reach the table only through the tenant-scoped data role, so IAM keeps each
 * request inside its tenant's partition; routes only the operator calls act across partnerships
 * with the function's own role. Cognito mails invitations itself, so no route sends mail.
 */
export function routeAccess(route: RouteDef): FunctionAccess {
  if (route.roles === 'public') return NO_ACCESS;
  const memberFacing = route.roles.some((role) => role !== 'operator');
  const table = routeTableAccess(route);
  return {
    table: memberFacing ? undefined : table,
    tenantTable: memberFacing ? table : undefined,
    nameLocks: memberFacing && (route.access?.nameLocks ?? false),
    cursorKey: true,
    identityActions: (route.access?.identity ?? []).map((action) => `cognito-idp:${action}`),
    sendMail: false,
    publishEvents: route.access?.publishes ?? false,
    tenantRole: memberFacing,
  };
}

/** What one function serving all these routes needs: the union of their access, and no more. */
export function functionAccess(routes: readonly RouteDef[]): FunctionAccess {
  const accesses = routes.map(routeAccess);
  return {
    table: unionTableAccess(accesses.map((access) => access.table)),
    tenantTable: unionTableAccess(accesses.map((access) => access.tenantTable)),
    nameLocks: accesses.some((access) => access.nameLocks),
    cursorKey: accesses.some((access) => access.cursorKey),
    identityActions: [...new Set(accesses.flatMap((access) => access.identityActions))].sort(),
    sendMail: accesses.some((access) => access.sendMail),
    publishEvents: accesses.some((access) => access.publishEvents),
    tenantRole: accesses.some((access) => access.tenantRole),
  };
}
