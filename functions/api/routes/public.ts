import { defineFeature } from '../../../shared/http/route-def.ts';
import { OpenApiDocument } from '../../../shared/schemas/openapi-document.ts';
import * as z from '../../../shared/schemas/zod.ts';

/** The public routes: liveness and the OpenAPI document; no token, no data. */
export const routes = defineFeature('public', {
  getHealth: {
    method: 'GET',
    path: '/health',
    roles: 'public',
    summary: 'Liveness check',
    response: z.object({ status: z.literal('ok') }),
  },
  getOpenApi: {
    method: 'GET',
    path: '/openapi.json',
    roles: 'public',
    summary: 'OpenAPI 3.1 document of this API, generated from the zod schemas',
    response: OpenApiDocument,
  },
});
