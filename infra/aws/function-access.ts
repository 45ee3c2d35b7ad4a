import type { RouteDef } from '../../shared/http/route-def.ts';
import { routeTableAccess, type TableAccess, unionTableAccess } from './table-access.ts';

/** What one function (a feature's, a schedule's, a bus target's or a queue consumer's) may touch besides its own log group. */
export interface FunctionAccess {
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
export const NO_ACCESS: FunctionAccess = {
  table: undefined,
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
 * member may call may also assume the tenant-scoped data role; routes only the operator calls
 * act across partnerships and may not. Cognito mails invitations itself, so no route sends mail.
 */
export function routeAccess(route: RouteDef): FunctionAccess {
  if (route.roles === 'public') return NO_ACCESS;
  return {
    table: routeTableAccess(route),
    cursorKey: true,
    identityActions: (route.access?.identity ?? []).map((action) => `cognito-idp:${action}`),
    sendMail: false,
    publishEvents: route.access?.publishes ?? false,
    tenantRole: route.roles.some((role) => role !== 'operator'),
  };
}

/** What one function serving all these routes needs: the union of their access, and no more. */
export function functionAccess(routes: readonly RouteDef[]): FunctionAccess {
  const accesses = routes.map(routeAccess);
  return {
    table: unionTableAccess(accesses.map((access) => access.table)),
    cursorKey: accesses.some((access) => access.cursorKey),
    identityActions: [...new Set(accesses.flatMap((access) => access.identityActions))].sort(),
    sendMail: accesses.some((access) => access.sendMail),
    publishEvents: accesses.some((access) => access.publishEvents),
    tenantRole: accesses.some((access) => access.tenantRole),
  };
}
