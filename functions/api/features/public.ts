import { featureFunction } from '../feature-function.ts';
import { getHealth, getOpenApi } from '../handlers/meta.ts';
import { routes } from '../routes/public.ts';

/** The public routes: liveness and the OpenAPI document. No token, no table, no adapters. */
export const handler = featureFunction(routes, { getHealth, getOpenApi });
