import type { RouteDef } from '../../functions/api/route-types.ts';

/** What one function (a route's, a schedule's or a bus target's) may touch besides its own log group. */
export interface RouteAccess {
  /** Read and write the table (and use its key); reads write audit records too. */
  data: boolean;
  /** Read the cursor-signing key. */
  cursorKey: boolean;
  /** Create, disable, delete and look up users, and put them in groups. */
  identityAdmin: boolean;
  /** Send mail from the service's SES identity (invitations, alert emails). */
  sendMail: boolean;
  /** Put events on the service's bus (events:PutEvents on that bus only). */
  publishEvents: boolean;
}

/** Modules that invite or remove users: they call Cognito's admin API and send mail. */
export const IDENTITY_ADMIN_MODULES: readonly string[] = ['members', 'admin'];

/**
 * Routes whose handlers publish to the bus: marking a first appointment missed raises its
 * alert at once. (Without the grant the alert would still come, from the next sweep.)
 */
export const PUBLISHING_OPERATIONS: readonly string[] = ['updateAppointment'];

/**
 * Least privilege per route. Public routes (health, the OpenAPI document) answer without
 * data, so their functions get no table or key access at all.
 */
export function routeAccess(route: RouteDef): RouteAccess {
  const signedIn = route.roles !== 'public';
  const admin = IDENTITY_ADMIN_MODULES.includes(route.module);
  return {
    data: signedIn,
    cursorKey: signedIn,
    identityAdmin: admin,
    sendMail: admin,
    publishEvents: signedIn && PUBLISHING_OPERATIONS.includes(route.operationId),
  };
}
