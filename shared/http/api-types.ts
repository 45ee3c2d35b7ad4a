import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '../auth/principal.ts';

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

/** What a route handler answers; the shared middleware turns it into the HTTP response. */
export interface ApiResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A body that is not JSON (a CSV download), sent as is with its content type. */
  text?: { contentType: string; content: string; filename?: string };
}
