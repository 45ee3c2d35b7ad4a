import { type Adapters, wireAdapters } from '../../shared/adapters/deps.ts';
import { ApiError } from '../../shared/errors.ts';
import type { ApiLambda } from '../../shared/http/api-handler.ts';
import { errorResponse } from '../../shared/http/error-response.ts';
import { type RouteDef, routeKeyOf } from '../../shared/http/route-def.ts';

/** The handlers of one feature's routes, by operationId: a missing one fails to compile. */
export type FeatureHandlers<T extends Record<string, RouteDef>> = { readonly [K in keyof T]: ApiLambda };

/** Which adapters these routes need, from the access each route declares. */
export function adaptersNeeded(routes: readonly RouteDef[]): (keyof Adapters)[] {
  const needed: (keyof Adapters)[] = [];
  if (routes.some((route) => (route.access?.identity ?? []).length > 0)) needed.push('identity');
  if (routes.some((route) => route.access?.publishes)) needed.push('publisher');
  // A partnership member's request reaches the table only with its tenant's scoped credentials.
  if (routes.some((route) => route.roles !== 'public' && route.roles.some((role) => role !== 'operator'))) {
    needed.push('tenantTables');
  }
  return needed;
}

/**
 * One Lambda for all of a feature's routes (its table in functions/api/routes/): finds the route
 * by API Gateway's `routeKey` and runs its handler. Its adapters must be exactly those its
 * routes' access names, so the bundle carries no client it never uses and none it needs is
 * missing; either fails at load, as does a route without a handler.
 */
export function featureFunction<T extends Record<string, RouteDef>>(
  featureRoutes: T,
  handlers: FeatureHandlers<T>,
  adapters: Adapters = {},
): ApiLambda {
  const routes: RouteDef[] = Object.values(featureRoutes);
  const feature = routes[0]?.feature ?? 'unknown';
  const needed = adaptersNeeded(routes).sort().join(', ');
  const given = Object.keys(adapters).sort().join(', ');
  if (needed !== given) {
    throw new Error(`The ${feature} function wires adapters [${given}] but its routes need [${needed}]`);
  }
  wireAdapters(adapters);
  const byRouteKey = new Map<string, ApiLambda>();
  for (const route of routes) {
    const handler = (handlers as Readonly<Record<string, ApiLambda | undefined>>)[route.operationId];
    if (!handler) throw new Error(`The ${feature} function has no handler for ${route.operationId}`);
    byRouteKey.set(routeKeyOf(route), handler);
  }
  return async (event, context) => {
    const handler = byRouteKey.get(event.routeKey);
    if (!handler) return errorResponse(new ApiError(404, 'not_found', `No API route ${event.routeKey}.`));
    return handler(event, context);
  };
}
