import type { Role } from '../domain/values.ts';
import type * as z from '../schemas/zod.ts';
import type { BodyRules } from './body-rules.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * The API's Lambda functions: routes are grouped by feature, one function each, so the stack
 * stays small and most requests find a warm function (DESIGN.md §4 "Functions per feature").
 */
export const API_FEATURES = [
  'public',
  'partnership',
  'people',
  'cases',
  'views',
  'casework',
  'alerts',
  'reports',
  'imports',
  'admin',
  'registers',
] as const;
export type ApiFeature = (typeof API_FEATURES)[number];

/**
 * A DynamoDB action as IAM names it (without the `dynamodb:` prefix). There is no
 * TransactWriteItems permission: IAM authorises each item of a transaction as the PutItem,
 * UpdateItem, DeleteItem or ConditionCheckItem it is.
 */
export type TableOp =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem';

/** An index of shared/data/table-def.ts. */
export type IndexName = 'GSI1' | 'GSI2' | 'WorkIndex' | 'DueIndex';

/** The Cognito admin calls a route's work makes (shared/adapters/identity-cognito.ts). */
export type IdentityAction = 'AdminCreateUser' | 'AdminDeleteUser';

/**
 * What a route's own work touches, declared beside the route. The pipeline's own reads (the
 * caller's membership, the idempotency records, the cursor key) are added from the route's
 * other fields, so they are never declared twice. The CDK app grants exactly this; the
 * route's feature function is given only the adapters this names.
 */
export interface RouteAccess {
  /** Actions on the table's items (and Query on its own key). */
  readonly table?: readonly TableOp[];
  /** Indexes the work queries; each gets Query on that index only. */
  readonly indexes?: readonly IndexName[];
  /** Cognito admin calls (their adapter is the identity admin). */
  readonly identity?: readonly IdentityAction[];
  /** Puts events on the service's bus (its adapter is the event publisher). */
  readonly publishes?: boolean;
  /**
   * Reads, puts and deletes partnership-name locks: the one kind of key outside the caller's
   * tenant a member's request may touch (a chair's rename moves its name's lock).
   */
  readonly nameLocks?: boolean;
}

/**
 * One API route, declared once in functions/api/routes/<feature>.ts and read by the CDK app, the local
 * gateway, the OpenAPI generator, throttling and the shared HTTP pipeline.
 */
export interface RouteDef {
  readonly method: HttpMethod;
  /** Path below the API base `/api`, with `{param}` placeholders, e.g. `/areas/{areaId}`. */
  readonly path: string;
  /** The route's name: its key in the route table, and the handler export that serves it. */
  readonly operationId: string;
  /** The Lambda function that serves it. */
  readonly feature: ApiFeature;
  /** Roles allowed, or `public` for routes that need no token. */
  readonly roles: readonly Role[] | 'public';
  readonly summary: string;
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** Domain rules over the body, checked with its schema so one answer names every bad field. */
  readonly rules?: BodyRules;
  /** Successful response body: JSON by default, or text of `contentType` (a CSV download). */
  readonly response: z.ZodMiniType;
  /** Set for routes that answer text (CSV, JSON lines) rather than JSON. */
  readonly contentType?: string;
  /** HTTP status of a success (default 200). */
  readonly status?: number;
  /** A create that honours `Idempotency-Key`. */
  readonly idempotent?: boolean;
  /** An update that needs `If-Match` with the record's current version. */
  readonly conditional?: boolean;
  /** What the route's own work touches: nothing when absent (public routes). */
  readonly access?: RouteAccess;
}

/** A route as written in its feature's table: the operationId is its key there, the feature the table's. */
export type RouteSpec = Omit<RouteDef, 'operationId' | 'feature'>;

/** A feature's routes, each with its key copied into `operationId` and the feature set, keeping every literal type. */
export type FeatureRoutes<F extends ApiFeature, T extends Record<string, RouteSpec>> = {
  readonly [K in keyof T & string]: T[K] & { readonly operationId: K; readonly feature: F };
};

/**
 * Declares one feature's routes, keyed by operationId. Each feature's function imports only its
 * own table, so its bundle builds only the schemas its routes use.
 */
export function defineFeature<const F extends ApiFeature, const T extends Record<string, RouteSpec>>(
  feature: F,
  specs: T,
): FeatureRoutes<F, T> {
  return Object.fromEntries(
    Object.entries(specs).map(([operationId, spec]) => [operationId, { ...spec, operationId, feature }]),
  ) as FeatureRoutes<F, T>;
}

/** Prefix of every route: CloudFront forwards `/api/*` unchanged, so the API serves that path. */
export const API_BASE_PATH = '/api';

/** API Gateway's route key of a route, e.g. `GET /api/areas/{areaId}`: how a feature function finds it. */
export const routeKeyOf = (route: Pick<RouteDef, 'method' | 'path'>): string =>
  `${route.method} ${API_BASE_PATH}${route.path}`;
