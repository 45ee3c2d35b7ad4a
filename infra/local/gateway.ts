import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { routeList } from '../../functions/api/routes.ts';
import { THROTTLES, throttleClassOf } from '../../functions/api/throttling.ts';
import { ApiError, Throttled, TooLarge } from '../../shared/errors.ts';
import type { ApiLambda } from '../../shared/http/api-handler.ts';
import { errorResponse } from '../../shared/http/error-response.ts';
import { API_BASE_PATH, type ApiFeature, routeKeyOf } from '../../shared/http/route-def.ts';
import { lambdaContext, toLambdaEvent } from './lambda-event.ts';
import { RateLimiter } from './rate-limiter.ts';
import { routeMatcher } from './route-matcher.ts';

/** API Gateway's own payload limit; the handlers apply their tighter ones. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

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

/** Writes a Lambda result as the HTTP response, as API Gateway does. */
function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
  );
}

/** Answers an error the gateway itself finds (no route, throttled, too large) in the API's error shape. */
export function sendApiError(response: ServerResponse, error: ApiError): void {
  send(response, errorResponse(error));
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

/** Loads a feature's function the way Lambda does: the `handler` export of its entry. */
async function loadFunction(feature: ApiFeature, cache: Map<ApiFeature, ApiLambda>): Promise<ApiLambda> {
  const cached = cache.get(feature);
  if (cached) return cached;
  const module = (await import(`../../functions/api/features/${feature}.ts`)) as { handler?: ApiLambda };
  if (typeof module.handler !== 'function') {
    throw new Error(`functions/api/features/${feature}.ts exports no handler`);
  }
  cache.set(feature, module.handler);
  return module.handler;
}

/**
 * The local stand-in for API Gateway + Lambda + CloudFront: `/api/...` goes to the same
 * handlers the CDK app deploys, found through the same route table; everything else to the site.
 */
export function createGateway(parts: GatewayParts) {
  const match = routeMatcher(routeList);
  const functions = new Map<ApiFeature, ApiLambda>();
  const limiter = new RateLimiter();

  const api = async (request: IncomingMessage, response: ServerResponse, url: URL, below: string) => {
    const body = await readBody(request);
    if (body === 'too_large') return sendApiError(response, new TooLarge(MAX_PAYLOAD_BYTES));
    const method = request.method ?? 'GET';
    const local = parts.localRoutes[`${method} ${below}`];
    if (local) return local(request, response, url, body);
    const found = match(method, below);
    if (found.kind === 'not_found') {
      return sendApiError(
        response,
        new ApiError(404, 'not_found', `No API route ${method} ${url.pathname}.`),
      );
    }
    if (found.kind === 'method_not_allowed') {
      const allow = found.allowed.join(', ');
      return sendApiError(
        response,
        new ApiError(405, 'method_not_allowed', `${url.pathname} does not answer ${method}.`, undefined, {
          allow,
        }),
      );
    }
    const routeKey = routeKeyOf(found.route);
    if (parts.throttle !== false && !limiter.take(routeKey, THROTTLES[throttleClassOf(found.route)])) {
      return sendApiError(response, new Throttled());
    }
    const event = toLambdaEvent(request, url, body, routeKey, found.params);
    const handler = await loadFunction(found.route.feature, functions);
    send(response, await handler(event, lambdaContext(found.route.feature)));
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const inApi = url.pathname === API_BASE_PATH || url.pathname.startsWith(`${API_BASE_PATH}/`);
    if (!inApi) {
      parts.site(request, response, url);
      return;
    }
    api(request, response, url, url.pathname.slice(API_BASE_PATH.length) || '/').catch((error: unknown) => {
      console.error(`gateway error: ${error instanceof Error ? error.message : 'unknown'}`);
      if (!response.headersSent) {
        sendApiError(response, new ApiError(502, 'bad_gateway', 'The handler failed to answer.'));
      } else response.end();
    });
  };
}
