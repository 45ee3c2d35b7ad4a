import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
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
import { NodeFunction } from './node-function.ts';
import { type RouteAccess, routeAccess } from './route-access.ts';

/** Prefix of every route: CloudFront forwards `/api/*` unchanged, so the API serves that path. */
export const API_BASE_PATH = '/api';

/** Default stage throttling, per account and route: far above one partnership's traffic. */
export const API_THROTTLE = { burstLimit: 100, rateLimit: 50 } as const;

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
  /** Gives a route's function what routeAccess() says it needs. */
  grant: (access: RouteAccess, fn: NodeFunction) => void;
}

/**
 * The HTTP API: one Lambda function per route of functions/api/routes.ts, each built from
 * its module's file with the route's operationId as the handler export.
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

  /** Adds every route with its own function; public routes get no authorizer. */
  addRoutes(wiring: RouteWiring): void {
    for (const route of wiring.routes) {
      const id = constructIdOf(route.operationId);
      const fn = new NodeFunction(this, id, {
        entry: `functions/api/handlers/${route.module}.ts`,
        handler: route.operationId,
        description: `${route.method} ${API_BASE_PATH}${route.path}: ${route.summary}`.slice(0, 256),
        environment: wiring.environment,
        logRetention: RetentionDays.ONE_YEAR,
      });
      wiring.grant(routeAccess(route), fn);
      this.functions.set(route.operationId, fn);

      const isPublic = route.roles === 'public';
      const [httpRoute] = this.httpApi.addRoutes({
        path: `${API_BASE_PATH}${route.path}`,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}Integration`, fn.fn),
        ...(isPublic ? {} : { authorizer: wiring.authorizer }),
      });
      if (isPublic && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design (roles: 'public' in routes.ts): it returns no tenant data.`,
        });
      }
    }
  }
}

/** `createPartnership` becomes `CreatePartnership`: a stable construct id per route. */
function constructIdOf(operationId: string): string {
  return operationId.charAt(0).toUpperCase() + operationId.slice(1);
}
