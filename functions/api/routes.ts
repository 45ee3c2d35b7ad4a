import type { RouteDef } from '../../shared/http/route-def.ts';
import { routes as admin } from './routes/admin.ts';
import { routes as alerts } from './routes/alerts.ts';
import { routes as cases } from './routes/cases.ts';
import { routes as casework } from './routes/casework.ts';
import { routes as imports } from './routes/imports.ts';
import { routes as partnership } from './routes/partnership.ts';
import { routes as people } from './routes/people.ts';
import { routes as publicRoutes } from './routes/public.ts';
import { routes as registers } from './routes/registers.ts';
import { routes as reports } from './routes/reports.ts';
import { routes as views } from './routes/views.ts';

/**
 * Every route of the HTTP API (API.md), keyed by operationId: the single source for the CDK
 * app, the local gateway, OpenAPI, throttling and each route's access. Each feature declares its
 * routes in functions/api/routes/<feature>.ts; handlers name their route as
 * `routes.<operationId>` of their feature's table, so a misspelt route fails to compile.
 */
export const routes = {
  ...publicRoutes,
  ...partnership,
  ...people,
  ...cases,
  ...views,
  ...casework,
  ...alerts,
  ...reports,
  ...imports,
  ...admin,
  ...registers,
};

/** The route table's operationIds. */
export type OperationId = keyof typeof routes;

/** Every route, in table order. */
export const routeList: readonly RouteDef[] = Object.values(routes);
