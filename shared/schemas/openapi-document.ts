import { answer } from './common.ts';
import * as z from './zod.ts';

/**
 * `GET /openapi.json`: the OpenAPI 3.1 document (functions/api/openapi.ts). Only its top level is
 * described; the operations inside are generated from the route table and left open here.
 */
export const OpenApiDocument = answer(() =>
  z.looseObject({
    openapi: z.string().check(z.regex(/^3\.1\.\d+$/)),
    info: z.looseObject({ title: z.string(), version: z.string(), description: z.optional(z.string()) }),
    servers: z.optional(z.array(z.looseObject({ url: z.string() }))),
    security: z.optional(z.array(z.record(z.string(), z.array(z.string())))),
    components: z.optional(
      z.looseObject({
        securitySchemes: z.optional(z.record(z.string(), z.unknown())),
        schemas: z.optional(z.record(z.string(), z.unknown())),
      }),
    ),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  }),
);
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;
