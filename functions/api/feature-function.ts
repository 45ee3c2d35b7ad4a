import { type Adapters, wireAdapters } from '../../shared/adapters/deps.ts';
import { ApiError } from '../../shared/errors.ts';
import type { ApiLambda } from '../../shared/http/api-handler.ts';
import { errorResponse } from '../../shared/http/error-response.ts';
import { type ApiFeature, type RouteDef, routeKeyOf } from '../../shared/http/route-def.ts';
import { type OperationId, routeList, type routes } from './routes.ts';

type RoutesOf<F extends ApiFeature> = {
  [K in OperationId]: (typeof routes)[K]['feature'] extends F ? K : never;
}[OperationId];

/** The handlers of one feature's routes, by operationId: a missing one fails to compile. */
export type FeatureHandlers<F extends ApiFeature> = { readonly [K in RoutesOf<F>]: ApiLambda };

/** The routes one feature function serves, in table order. */
export const routesOfFeature = (feature: ApiFeature): RouteDef[] =>
  routeList.filter((route) => route.feature === feature);

/** Which adapters a feature's routes need, from the access each route declares. */
export function adaptersNeeded(feature: ApiFeature): (keyof Adapters)[] {
  const featureRoutes = routesOfFeature(feature);
  const needed: (keyof Adapters)[] = [];
  if (featureRoutes.some((route) => (route.access?.identity ?? []).length > 0)) needed.push('identity');
  if (featureRoutes.some((route) => route.access?.publishes)) needed.push('publisher');
  return needed;
}

/**
 * One Lambda for all of a feature's routes: finds the route by API Gateway's `routeKey` and runs
 * its handler. Its adapters must be exactly those its routes' access names, so the bundle
 * carries no client it never uses, and none it needs is missing; either fails at load.
 */
export function featureFunction<F extends ApiFeature>(
  feature: F,
  handlers: FeatureHandlers<F>,
  adapters: Adapters = {},
): ApiLambda {
  const needed = adaptersNeeded(feature).sort().join(', ');
  const given = Object.keys(adapters).sort().join(', ');
  if (needed !== given) {
    throw new Error(`The ${feature} function wires adapters [${given}] but its routes need [${needed}]`);
  }
  wireAdapters(adapters);
  const byRouteKey = new Map<string, ApiLambda>();
  for (const route of routesOfFeature(feature)) {
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
