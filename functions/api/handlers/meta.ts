import { apiHandler } from '../../../shared/http/api-handler.ts';
import { openApiDocument } from '../openapi.ts';
import { routes } from '../routes/public.ts';

/** `GET /health`: liveness, without touching any dependency. */
export const getHealth = apiHandler(routes.getHealth, async () => ({ body: { status: 'ok' as const } }));

let document: ReturnType<typeof openApiDocument> | undefined;

/** `GET /openapi.json`: the API described from the route table's zod schemas. */
export const getOpenApi = apiHandler(routes.getOpenApi, async () => {
  document ??= openApiDocument();
  return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
