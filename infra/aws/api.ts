import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDef } from '../../functions/api/route-types.ts';
import { THROTTLES, throttleClassOf } from '../../functions/api/throttling.ts';
import { NodeFunction } from './node-function.ts';
import { type RouteAccess, routeAccess } from './route-access.ts';

/** Prefix of every route: CloudFront forwards `/api/*` unchanged, so the API serves that path. */
export const API_BASE_PATH = '/api';

/**
 * The stage's default throttling, for any route without its own: the write class of
 * functions/api/throttling.ts, so nothing unlisted gets the more generous read limits.
 */
export const API_THROTTLE = {
  burstLimit: THROTTLES.write.burst,
  rateLimit: THROTTLES.write.ratePerSecond,
} as const;

/** One JSON line per request; ids and timings only, never bodies or query strings. */
const ACCESS_LOG_FIELDS: Readonly<Record<string, string>> = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  responseLength: '$context.responseLength',
};

export interface RouteWiring {
  routes: readonly RouteDef[];
  /** Checks the Cognito access token on every route that is not public. */
  authorizer: IHttpRouteAuthorizer;
  environment: Record<string, string>;
  /** Variables only signed-in routes get (the tenant-scoped role's ARN). */
  signedInEnvironment: Record<string, string>;
  /** IAM path of every route function's role (the tenant-scoped role trusts this path). */
  rolePath: string;
  /** Gives a route's function what routeAccess() says it needs. */
  grant: (access: RouteAccess, fn: NodeFunction) => void;
}

/** The API Gateway route key of a declared route, e.g. `GET /api/areas/{areaId}`. */
export const routeKeyOf = (route: Pick<RouteDef, 'method' | 'path'>): string =>
  `${route.method} ${API_BASE_PATH}${route.path}`;

/**
 * The HTTP API: one Lambda function per route of functions/api/routes.ts, each built from
 * its module's file with the route's operationId as the handler export, and each throttled
 * as functions/api/throttling.ts classes it (the local gateway enforces the same limits).
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  /** Route functions by operationId. */
  readonly functions = new Map<string, NodeFunction>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Continuity API (reached through CloudFront at /api/*)',
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { ...API_THROTTLE },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** The API's host name, for CloudFront's origin. */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /** Adds every route with its own function and throttle; public routes get no authorizer. */
  addRoutes(wiring: RouteWiring): void {
    const routeSettings: Record<string, { ThrottlingBurstLimit: number; ThrottlingRateLimit: number }> = {};
    for (const route of wiring.routes) {
      const id = constructIdOf(route.operationId);
      const isPublic = route.roles === 'public';
      const fn = new NodeFunction(this, id, {
        entry: `functions/api/handlers/${route.module}.ts`,
        handler: route.operationId,
        description: `${route.method} ${API_BASE_PATH}${route.path}: ${route.summary}`.slice(0, 256),
        environment: isPublic ? wiring.environment : { ...wiring.environment, ...wiring.signedInEnvironment },
        rolePath: wiring.rolePath,
        failuresGoTo:
          'API Gateway invokes it synchronously, so a failure reaches the caller as a 5xx response (alarmed on)',
      });
      wiring.grant(routeAccess(route), fn);
      this.functions.set(route.operationId, fn);

      const [httpRoute] = this.httpApi.addRoutes({
        path: `${API_BASE_PATH}${route.path}`,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}Integration`, fn.fn),
        ...(isPublic ? {} : { authorizer: wiring.authorizer }),
      });
      if (!httpRoute) throw new Error(`No API route was made for ${routeKeyOf(route)}`);
      if (isPublic) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design (roles: 'public' in routes.ts): it returns no tenant data.`,
        });
      }
      const limit = THROTTLES[throttleClassOf(route)];
      routeSettings[routeKeyOf(route)] = {
        ThrottlingBurstLimit: limit.burst,
        ThrottlingRateLimit: limit.ratePerSecond,
      };
      // API Gateway refuses route settings for a route key that does not exist yet.
      this.stage.node.addDependency(httpRoute);
    }
    (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
  }
}

/** `createPartnership` becomes `CreatePartnership`: a stable construct id per route. */
function constructIdOf(operationId: string): string {
  return operationId.charAt(0).toUpperCase() + operationId.slice(1);
}
