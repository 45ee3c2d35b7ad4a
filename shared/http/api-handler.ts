import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type Deps, getDeps } from '../adapters/deps.ts';
import { logger } from '../adapters/logger.ts';
import { requireRole, resolvePrincipal, tenantOfClaims } from '../auth/principal.ts';
import { bearerToken } from '../auth/verify-token.ts';
import { keys, tenantPartition } from '../data/keys.ts';
import type { ApiRequest, RequestOf, ResultOf } from './api-types.ts';
import { errorResponse } from './error-response.ts';
import {
  claimSlot,
  completeSlot,
  type IdempotencySlot,
  idempotencySlot,
  releaseSlot,
} from './idempotency.ts';
import { parseIfMatch } from './if-match.ts';
import { etagOf, jsonResponse, textResponse } from './json-response.ts';
import { readJsonBody } from './read-body.ts';
import type { RouteDef } from './route-def.ts';
import { parseBody, parseWith } from './validation.ts';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;
/**
 * The request's state through the pipeline. `deps` are the process's dependencies with the
 * table of the caller's tenant: every read and write of a member's request goes through it.
 */
type State = Partial<ApiRequest> & { slot?: IdempotencySlot; deps: Deps };
type ApiContext = Context & { api: State };
type Middleware = MiddlewareObj<Event, Result, Error, ApiContext>;

/** A route's work: gets the validated, authorised request its route's schemas describe and answers a result. */
export type RouteWork<R extends RouteDef> = (request: RequestOf<R>, deps: Deps) => Promise<ResultOf<R>>;

/** A Lambda handler of API Gateway's HTTP API (payload version 2.0). */
export type ApiLambda = (event: Event, context: Context) => Promise<Result>;

/** Answers every error with the API's error shape (API.md "Errors"). */
const apiErrors = (): Middleware => ({
  onError: (request) => {
    request.response = errorResponse(request.error);
    return request.response;
  },
});

/** Verifies the bearer token, resolves the caller and checks the route's roles. */
const authenticate = (route: RouteDef): Middleware => ({
  before: async (request) => {
    const deps = getDeps();
    const state: State = { deps };
    request.context.api = state;
    state.requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
    state.sourceIp = request.event.requestContext?.http?.sourceIp ?? 'unknown';
    if (route.roles === 'public') return;
    const claims = await deps.verifyToken(bearerToken(request.event.headers?.authorization));
    const names = {
      tenantClaim: deps.config.TENANT_CLAIM,
      groupsClaim: deps.config.GROUPS_CLAIM,
      operatorGroup: deps.config.OPERATOR_GROUP,
    };
    // The tenant comes from the verified token alone; from here on, even the membership read
    // goes through that tenant's table, so IAM keeps the whole request inside its partition.
    const tenantId = tenantOfClaims(claims, names);
    if (tenantId !== undefined) state.deps = { ...deps, table: await deps.tenantTable(tenantId) };
    const principal = await resolvePrincipal(state.deps.table, claims, names);
    logger.appendKeys({
      tenantId: principal.kind === 'member' ? principal.tenantId : 'operator',
      role: principal.role,
    });
    requireRole(principal, route.roles);
    state.principal = principal;
  },
});

/** Validates path parameters, query string and body against the route's zod schemas. */
const validateRequest = (route: RouteDef): Middleware => ({
  before: (request) => {
    const { event } = request;
    const state = request.context.api;
    state.params = route.params ? parseWith(route.params, event.pathParameters ?? {}, 'path') : {};
    state.query = route.query
      ? parseWith(route.query, event.queryStringParameters ?? {}, 'query string')
      : {};
    state.body = route.body
      ? parseBody(route.body, readJsonBody(event), route.rules, {
          now: state.deps.clock(),
          areaIds: state.principal?.kind === 'member' ? state.principal.areaIds : undefined,
        })
      : undefined;
    if (route.conditional) state.ifMatch = parseIfMatch(event.headers?.['if-match']);
  },
});

/** Replays the first response to a repeated `Idempotency-Key`, and stores new ones. */
const idempotency = (route: RouteDef): Middleware => ({
  before: async (request) => {
    const principal = request.context.api.principal;
    if (!principal) return undefined;
    const scope =
      principal.kind === 'member'
        ? tenantPartition(principal.tenantId)
        : keys.operatorPartition(principal.userId);
    const slot = idempotencySlot(
      request.event.headers?.['idempotency-key'],
      scope,
      route.operationId,
      principal.userId,
      {
        method: route.method,
        // The route's path with its parameters filled in: the same key on another record is refused.
        path: route.path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
          String((request.context.api.params as Record<string, unknown> | undefined)?.[name] ?? ''),
        ),
        query: request.event.queryStringParameters ?? {},
        // Routes with a JSON schema compare the parsed body; others (a CSV upload) the raw bytes.
        body: route.body ? JSON.stringify(request.context.api.body ?? null) : (request.event.body ?? ''),
      },
    );
    if (!slot) return undefined;
    const { deps } = request.context.api;
    const replay = await claimSlot(deps.table, slot, deps.clock());
    if (replay) return replay;
    request.context.api.slot = slot;
    return undefined;
  },
  after: async (request) => {
    const slot = request.context.api.slot;
    if (
      slot &&
      request.response &&
      request.response.statusCode !== undefined &&
      request.response.statusCode < 300
    ) {
      // The change is done: failing to keep its replay must not turn it into an error. The
      // slot then stays claimed until its lock lapses, and a retry meanwhile answers 409.
      await completeSlot(request.context.api.deps.table, slot, request.response).catch((error: unknown) => {
        logger.warn('could not store the response for Idempotency-Key replay', { error: String(error) });
      });
    }
  },
  onError: async (request) => {
    const slot = request.context.api?.slot;
    if (slot) await releaseSlot(request.context.api.deps.table, slot).catch(() => undefined);
  },
});

/**
 * Wraps a route's domain work in the shared HTTP pipeline: errors, auth, validation,
 * If-Match, Idempotency-Key and response shaping, the same in Lambda and in the local gateway.
 */
export function apiHandler<const R extends RouteDef>(route: R, work: RouteWork<R>): ApiLambda {
  const chain = middy<Event, Result, Error, ApiContext>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(apiErrors())
    .use(authenticate(route))
    .use(validateRequest(route));
  if (route.idempotent) chain.use(idempotency(route));
  const run = chain.handler(async (event, context): Promise<Result> => {
    const state = context.api;
    const { deps, slot: _slot, ...request } = state;
    const result = await work({ ...(request as RequestOf<R>), event }, deps);
    const status = route.status ?? 200;
    if (result.text) return textResponse(status, result.text, result.headers);
    const etag = etagOf(result.body);
    return jsonResponse(status, result.body, { ...(etag ? { etag } : {}), ...result.headers });
  });
  // The pipeline adds its request state to Lambda's context; callers pass Lambda's own.
  return (event, context) => run(event, context as ApiContext);
}
