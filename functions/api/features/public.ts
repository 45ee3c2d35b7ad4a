import { featureFunction } from '../feature-function.ts';
import { getHealth, getOpenApi } from '../handlers/meta.ts';

/** The public routes: liveness and the OpenAPI document. No token, no table, no adapters. */
export const handler = featureFunction('public', { getHealth, getOpenApi });
