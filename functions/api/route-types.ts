import type { z } from 'zod';
import type { Role } from '../../shared/domain/values.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One API route, declared once and read by the CDK app (infra/aws), the local gateway
 * (infra/local) and the OpenAPI generator. The handler is the export named `operationId`
 * of `functions/api/handlers/<module>.ts`.
 */
export interface RouteDef {
  method: HttpMethod;
  /** Path below the API base `/api`, with `{param}` placeholders, e.g. `/areas/{areaId}`. */
  path: string;
  operationId: string;
  module: string;
  /** Roles allowed, or `public` for routes that need no token. */
  roles: readonly Role[] | 'public';
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Successful response body schema (documented in the OpenAPI document). */
  response?: z.ZodType;
  /** HTTP status of a success (default 200). */
  status?: number;
  /** A create that honours `Idempotency-Key`. */
  idempotent?: boolean;
  /** An update that needs `If-Match` with the record's current version. */
  conditional?: boolean;
}
