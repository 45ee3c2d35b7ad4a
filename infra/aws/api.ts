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
import { THROTTLES, throttleClassOf } from '../../functions/api/throttling.ts';
import { API_BASE_PATH, type ApiFeature, type RouteDef, routeKeyOf } from '../../shared/http/route-def.ts';
import { type FunctionAccess, functionAccess } from './function-access.ts';
import { NodeFunction } from './node-function.ts';
import type { TableAccess } from './table-access.ts';
import type { SessionPolicy } from './tenant-data-role.ts';

/** The variable that carries a function's tenant session policy (shared/adapters/tenant-tables.ts reads it). */
export const TENANT_SESSION_POLICY_VARIABLE = 'TENANT_SESSION_POLICY';

export { API_BASE_PATH, routeKeyOf };

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
  /** Variables only functions that may assume the tenant-scoped role get (its ARN). */
  signedInEnvironment: Record<string, string>;
  /** IAM path of every route function's role (the tenant-scoped role trusts this path). */
  rolePath: string;
  /** Gives a feature's function the union of what its routes declare (functionAccess()). */
  grant: (access: FunctionAccess, fn: NodeFunction) => void;
  /** The session policy a member-facing function passes when it assumes the tenant-scoped role. */
  sessionPolicy: (access: TableAccess, nameLocks: boolean) => SessionPolicy;
}

/**
 * The HTTP API: one Lambda function per feature of the route table (functions/api/routes/), built from
 * `functions/api/features/<feature>.ts`, with the union of its routes' access. Each route is one
 * API Gateway route on its feature's one integration, throttled as functions/api/throttling.ts
 * classes it (the local gateway enforces the same limits). One more route costs one
 * AWS::ApiGatewayV2::Route and nothing else.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  /** Feature functions by feature. */
  readonly functions = new Map<ApiFeature, NodeFunction>();
  /** The tenant session policy of each member-facing feature's function (TENANT_SESSION_POLICY). */
  readonly sessionPolicies = new Map<ApiFeature, SessionPolicy>();

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

  /** Adds one function per feature and every route on it; public routes get no authorizer. */
  addRoutes(wiring: RouteWiring): void {
    const routeSettings: Record<string, { ThrottlingBurstLimit: number; ThrottlingRateLimit: number }> = {};
    for (const [feature, featureRoutes] of byFeature(wiring.routes)) {
      const integration = this.addFeatureFunction(feature, featureRoutes, wiring);
      for (const route of featureRoutes) {
        const isPublic = route.roles === 'public';
        const [httpRoute] = this.httpApi.addRoutes({
          path: `${API_BASE_PATH}${route.path}`,
          methods: [HttpMethod[route.method]],
          integration,
          ...(isPublic ? {} : { authorizer: wiring.authorizer }),
        });
        if (!httpRoute) throw new Error(`No API route was made for ${routeKeyOf(route)}`);
        if (isPublic) {
          Validations.of(httpRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is public by design (roles: 'public' in functions/api/routes/): it returns no tenant data.`,
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
    }
    (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
  }

  /** The feature's function and its one integration, invocable by this API (any of its routes). */
  /** The session policy of a member-facing feature's function, kept for the assertions. */
  private sessionPolicyOf(feature: ApiFeature, access: FunctionAccess, wiring: RouteWiring): SessionPolicy {
    const policy = wiring.sessionPolicy(access.tenantTable ?? { table: [], indexes: [] }, access.nameLocks);
    this.sessionPolicies.set(feature, policy);
    return policy;
  }

  private addFeatureFunction(
    feature: ApiFeature,
    featureRoutes: readonly RouteDef[],
    wiring: RouteWiring,
  ): HttpLambdaIntegration {
    const id = constructIdOf(feature);
    const access = functionAccess(featureRoutes);
    const fn = new NodeFunction(this, id, {
      entry: `functions/api/features/${feature}.ts`,
      handler: 'handler',
      description:
        `Continuity API, ${feature}: ${featureRoutes.map((route) => route.operationId).join(', ')}`.slice(
          0,
          256,
        ),
      // Only functions that may assume the tenant-scoped role are told its ARN, and the session
      // policy that narrows their sessions to their own routes' actions.
      environment: access.tenantRole
        ? {
            ...wiring.environment,
            ...wiring.signedInEnvironment,
            [TENANT_SESSION_POLICY_VARIABLE]: Stack.of(this).toJsonString(
              this.sessionPolicyOf(feature, access, wiring),
            ),
          }
        : wiring.environment,
      rolePath: wiring.rolePath,
      secretsExtension: access.cursorKey,
      failuresGoTo:
        'API Gateway invokes it synchronously, so a failure reaches the caller as a 5xx response (alarmed on)',
    });
    wiring.grant(access, fn);
    this.functions.set(feature, fn);
    // One permission for the whole API rather than one per route: the function serves only the
    // route keys it is integrated with, and per-route permissions would cost a resource each.
    return new HttpLambdaIntegration(`${id}Integration`, fn.fn, { scopePermissionToRoute: false });
  }
}

/** The routes grouped by feature, in route-table order. */
function byFeature(routes: readonly RouteDef[]): Map<ApiFeature, RouteDef[]> {
  const groups = new Map<ApiFeature, RouteDef[]>();
  for (const route of routes) groups.set(route.feature, [...(groups.get(route.feature) ?? []), route]);
  return groups;
}

/** `cases` becomes `CasesApi`: a stable construct id per feature. */
function constructIdOf(feature: ApiFeature): string {
  return `${feature.charAt(0).toUpperCase()}${feature.slice(1)}Api`;
}
