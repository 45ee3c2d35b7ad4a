import type { RouteDef } from '../../shared/http/route-def.ts';
import { ErrorBody } from '../../shared/schemas/common.ts';
import * as z from '../../shared/schemas/zod.ts';
import { routeList } from './routes.ts';

const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Validation failed or malformed JSON',
  '401': 'Missing or invalid access token',
  '403': 'Role not allowed',
  '404': 'No such record in this partnership',
  '409': 'Version conflict or duplicate',
  '413': 'Body too large',
  '415': 'Unsupported media type',
  '428': 'If-Match required',
  '429': 'Throttled',
  '503': 'A dependency is unavailable; nothing was written',
};

function parameters(route: RouteDef) {
  const list: Record<string, unknown>[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const shape = jsonSchema(schema, 'input') as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(shape.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (shape.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  if (route.conditional)
    list.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } });
  if (route.idempotent)
    list.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } });
  return list;
}

function operation(route: RouteDef) {
  const status = String(route.status ?? 200);
  const errors = Object.fromEntries(
    Object.entries(ERROR_STATUSES)
      .filter(([code]) => route.roles !== 'public' || code === '503')
      .map(([code, description]) => [
        code,
        { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.feature],
    ...(route.roles === 'public' ? { security: [] } : { 'x-roles': route.roles }),
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [status]: {
        description: 'Success',
        // A text route (CSV, JSON lines) answers its own content type; 204 has no content.
        ...(route.response && status !== '204'
          ? {
              content: {
                [route.contentType ?? 'application/json']: { schema: jsonSchema(route.response, 'output') },
              },
            }
          : {}),
      },
      ...errors,
    },
  };
}

/** The OpenAPI 3.1 document of the API, generated from the route table's zod schemas. */
export function openApiDocument(serverUrl = '/api') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Continuity API',
      version: '1',
      description:
        'Follow-up of prison releases into community treatment for Combating Drugs Partnerships. Errors answer {"error": {"code", "message", "fields"}}.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
    },
    paths,
  };
}
