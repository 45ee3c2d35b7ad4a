import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteDef } from '../../functions/api/route-types.ts';
import { routes } from '../../functions/api/routes.ts';
import { THROTTLES, throttleClassOf } from '../../functions/api/throttling.ts';
import { lambdaContext, toLambdaEvent } from './lambda-event.ts';
import { RateLimiter } from './rate-limiter.ts';
import { routeMatcher } from './route-matcher.ts';

type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's own payload limit; the handlers apply their tighter ones. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
export const API_BASE = '/api';

/** A route outside the route table: the local stack's own helpers and pages. */
export type ExtraHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  body: Buffer,
) => Promise<void>;

export interface GatewayParts {
  /** Local-only API routes (`/api/_local/...`), keyed `METHOD /path-below-api`. */
  localRoutes: Record<string, ExtraHandler>;
  /** Everything outside `/api`: the OIDC provider, pages, the web app. */
  site: (request: IncomingMessage, response: ServerResponse, url: URL) => void;
  /** Throttle routes as API Gateway does (default on). */
  throttle?: boolean;
}

/** Sends a JSON error in the API's error shape. */
export function sendApiError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify({ error: { code, message } }));
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_PAYLOAD_BYTES ? 'too_large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Loads a route's handler the way Lambda does: the module's export named by the route. */
async function loadHandler(route: RouteDef, cache: Map<string, LambdaHandler>): Promise<LambdaHandler> {
  const cached = cache.get(route.operationId);
  if (cached) return cached;
  const module = (await import(`../../functions/api/handlers/${route.module}.ts`)) as Record<
    string,
    LambdaHandler
  >;
  const handler = module[route.operationId];
  if (typeof handler !== 'function')
    throw new Error(`functions/api/handlers/${route.module}.ts has no ${route.operationId}`);
  cache.set(route.operationId, handler);
  return handler;
}

/**
 * The local stand-in for API Gateway + Lambda + CloudFront: `/api/...` goes to the same
 * handlers the CDK app deploys, found through the same route table; everything else to the site.
 */
export function createGateway(parts: GatewayParts) {
  const match = routeMatcher(routes);
  const handlers = new Map<string, LambdaHandler>();
  const limiter = new RateLimiter();

  const api = async (request: IncomingMessage, response: ServerResponse, url: URL, below: string) => {
    const body = await readBody(request);
    if (body === 'too_large')
      return sendApiError(response, 413, 'too_large', 'The request is larger than 10 MB.');
    const method = request.method ?? 'GET';
    const local = parts.localRoutes[`${method} ${below}`];
    if (local) return local(request, response, url, body);
    const found = match(method, below);
    if (found.kind === 'not_found')
      return sendApiError(response, 404, 'not_found', `No API route ${method} ${url.pathname}.`);
    if (found.kind === 'method_not_allowed') {
      return sendApiError(response, 405, 'method_not_allowed', `${url.pathname} does not answer ${method}.`, {
        allow: found.allowed.join(', '),
      });
    }
    const routeKey = `${found.route.method} ${API_BASE}${found.route.path}`;
    if (parts.throttle !== false && !limiter.take(routeKey, THROTTLES[throttleClassOf(found.route)])) {
      return sendApiError(response, 429, 'throttled', 'Too many requests: try again shortly.', {
        'retry-after': '1',
      });
    }
    const event = toLambdaEvent(request, url, body, routeKey, found.params);
    const handler = await loadHandler(found.route, handlers);
    const result = await handler(event, lambdaContext(found.route.operationId));
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
    response.end(
      result.body === undefined
        ? undefined
        : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
    );
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const inApi = url.pathname === API_BASE || url.pathname.startsWith(`${API_BASE}/`);
    if (!inApi) {
      parts.site(request, response, url);
      return;
    }
    api(request, response, url, url.pathname.slice(API_BASE.length) || '/').catch((error: unknown) => {
      console.error(`gateway error: ${error instanceof Error ? error.message : 'unknown'}`);
      if (!response.headersSent) sendApiError(response, 502, 'bad_gateway', 'The handler failed to answer.');
      else response.end();
    });
  };
}
