import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '../auth/principal.ts';
import type * as z from '../schemas/zod.ts';
import type { RouteDef } from './route-def.ts';

/** A request after authentication and validation: what a route handler works with. */
export interface ApiRequest<P = unknown, Q = unknown, B = unknown> {
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  /** The version from `If-Match`, on conditional routes. */
  ifMatch: number;
  requestId: string;
  sourceIp: string;
  event: APIGatewayProxyEventV2;
}

/** A body that is not JSON (a CSV download, JSON lines), sent as is with its content type. */
export interface TextBody {
  contentType: string;
  content: string;
  filename?: string;
}

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, never>;

/** The validated path parameters of a route, as its `params` schema outputs them. */
export type ParamsOf<R extends RouteDef> = Parsed<R['params']>;
/** The validated query of a route. */
export type QueryOf<R extends RouteDef> = Parsed<R['query']>;
/** The validated body of a route (undefined for routes without a body schema). */
export type BodyOf<R extends RouteDef> = R['body'] extends z.ZodMiniType ? z.output<R['body']> : undefined;
/** What a route answers, as its `response` schema accepts it. */
export type ResponseOf<R extends RouteDef> = z.input<R['response']>;

/**
 * What a route's handler must answer: text for a route with a content type (a CSV download,
 * JSON lines), else a body its response schema accepts (none for a 204). The status is the route's.
 */
export type ResultOf<R extends RouteDef> = R extends { contentType: string }
  ? { headers?: Record<string, string>; text: TextBody; body?: undefined; status?: never }
  : undefined extends ResponseOf<R>
    ? { headers?: Record<string, string>; body?: ResponseOf<R>; text?: undefined; status?: never }
    : { headers?: Record<string, string>; body: ResponseOf<R>; text?: undefined; status?: never };

/** The request a route's handler gets, typed from the route's schemas. */
export type RequestOf<R extends RouteDef> = ApiRequest<ParamsOf<R>, QueryOf<R>, BodyOf<R>>;
