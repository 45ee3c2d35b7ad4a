import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList as routes } from '../../functions/api/routes.ts';
import { THROTTLES, throttleClassOf } from '../../functions/api/throttling.ts';
import { routeKeyOf } from '../../infra/aws/api.ts';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import { ConfigSchema } from '../../shared/config.ts';
import { API_FEATURES } from '../../shared/http/route-def.ts';
import { logicalIdOf, referencedIds, synthContinuity } from './synth-continuity.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('HTTP API', () => {
  let template: Template;
  let stack: ContinuityStack;
  let resources: Record<string, Resource>;
  let routeByKey: Map<string, Resource>;

  beforeAll(() => {
    ({ template, stack } = synthContinuity());
    resources = template.toJSON().Resources as Record<string, Resource>;
    routeByKey = new Map(
      Object.values(resources)
        .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
        .map((resource) => [resource.Properties.RouteKey as string, resource]),
    );
  });

  const authorizerId = (): string => {
    const ids = Object.entries(resources)
      .filter(([, resource]) => resource.Type === 'AWS::ApiGatewayV2::Authorizer')
      .map(([id]) => id);
    expect(ids).toHaveLength(1);
    return ids[0]!;
  };

  it('has one route per entry of the route table, and no others', () => {
    expect([...routeByKey.keys()].sort()).toEqual(routes.map((r) => `${r.method} /api${r.path}`).sort());
  });

  it.each(routes.filter((route) => route.roles !== 'public'))(
    '$method $path requires a Cognito access token',
    (route) => {
      const props = routeByKey.get(`${route.method} /api${route.path}`)!.Properties;
      expect(props.AuthorizationType).toBe('JWT');
      expect(props.AuthorizerId).toEqual({ Ref: authorizerId() });
    },
  );

  it.each(routes.filter((route) => route.roles === 'public'))('$method $path is public', (route) => {
    const props = routeByKey.get(`${route.method} /api${route.path}`)!.Properties;
    expect(props.AuthorizerId).toBeUndefined();
    expect([undefined, 'NONE']).toContain(props.AuthorizationType);
  });

  it('checks tokens from the user pool, for the web client', () => {
    const poolId = logicalIdOf(stack, stack.identity.userPool);
    const clientId = logicalIdOf(stack, stack.identity.client);
    const jwt = resources[authorizerId()]!.Properties.JwtConfiguration as {
      Issuer: unknown;
      Audience: unknown;
    };
    expect(resources[authorizerId()]!.Properties.AuthorizerType).toBe('JWT');
    expect(resources[authorizerId()]!.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(JSON.stringify(jwt.Issuer)).toContain('https://cognito-idp.eu-west-2.');
    expect(referencedIds(jwt.Issuer)).toContain(poolId);
    expect(jwt.Audience).toEqual([{ Ref: clientId }]);
  });

  /** The feature functions, each with the routes it serves. */
  const features = () =>
    [...stack.api.functions].map(([feature, fn]) => ({
      feature,
      fn,
      props: resources[logicalIdOf(stack, fn.fn)]!.Properties,
      routes: routes.filter((route) => route.feature === feature),
    }));
  const integrationOf = (route: (typeof routes)[number]): string =>
    referencedIds(routeByKey.get(`${route.method} /api${route.path}`)!.Properties.Target).find(
      (id) => resources[id]?.Type === 'AWS::ApiGatewayV2::Integration',
    )!;

  it('has one function per feature that has routes, and no others', () => {
    const used = API_FEATURES.filter((feature) => routes.some((route) => route.feature === feature));
    expect([...stack.api.functions.keys()].sort()).toEqual([...used].sort());
    expect(used).toEqual([...API_FEATURES]);
  });

  it.each(routes)("$method $path runs the $feature function's handler", (route) => {
    const fn = stack.api.functions.get(route.feature)!;
    const props = resources[logicalIdOf(stack, fn.fn)]!.Properties;
    expect(props.Handler).toBe('index.handler');
    expect(referencedIds(resources[integrationOf(route)]!.Properties.IntegrationUri)).toContain(
      logicalIdOf(stack, fn.fn),
    );
  });

  it('gives each feature one integration, shared by its routes, and one invoke permission', () => {
    const integrations = Object.entries(resources).filter(
      ([, resource]) => resource.Type === 'AWS::ApiGatewayV2::Integration',
    );
    expect(integrations).toHaveLength(stack.api.functions.size);
    const permissions = Object.values(resources).filter(
      (resource) =>
        resource.Type === 'AWS::Lambda::Permission' &&
        resource.Properties.Principal === 'apigateway.amazonaws.com',
    );
    for (const { feature, fn, routes: featureRoutes } of features()) {
      expect(new Set(featureRoutes.map(integrationOf)).size, feature).toBe(1);
      const own = permissions.filter((permission) =>
        referencedIds(permission.Properties.FunctionName).includes(logicalIdOf(stack, fn.fn)),
      );
      expect(own, feature).toHaveLength(1);
      // Invocable through this API only (any of its route keys: the function answers 404 to others).
      expect(referencedIds(own[0]!.Properties.SourceArn)).toContain(logicalIdOf(stack, stack.api.httpApi));
    }
    expect(permissions).toHaveLength(stack.api.functions.size);
  });

  it('builds every feature function for Node 24 on arm64 with 512 MB, 10 s and JSON logs', () => {
    for (const { props } of features()) {
      expect(props).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 10,
        LoggingConfig: { LogFormat: 'JSON' },
      });
    }
  });

  it('gives every feature function each variable shared/config.ts requires, plus the runtime settings', () => {
    const required = Object.entries(ConfigSchema.shape)
      .filter(([, schema]) => !schema.safeParse(undefined).success)
      .map(([name]) => name);
    for (const { feature, props } of features()) {
      const variables = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const name of required) expect(variables, `${feature} lacks ${name}`).toHaveProperty(name);
      expect(variables).toMatchObject({
        TENANT_CLAIM: 'tenant_id',
        MAIL_FROM: 'no-reply@example.org',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        NODE_OPTIONS: '--enable-source-maps',
      });
      for (const name of ['USER_POOL_ID', 'CURSOR_SECRET_ARN', 'APP_URL', 'AUTH_JWKS_URI']) {
        expect(variables, feature).toHaveProperty(name);
      }
      expect(variables).not.toHaveProperty('AWS_REGION');
      // Adapters are wired in code per function (functions/api/features/), not chosen by variables.
      for (const name of ['IDENTITY_PROVIDER', 'MAIL_TRANSPORT', 'SMTP_URL', 'EVENTS_TRANSPORT']) {
        expect(variables, feature).not.toHaveProperty(name);
      }
      expect(JSON.stringify(variables.AUTH_JWKS_URI)).toContain('/.well-known/jwks.json');
    }
  });

  it('keeps each feature function log group for a year', () => {
    for (const { fn } of features()) {
      expect(resources[logicalIdOf(stack, fn.logGroup)]!.Properties.RetentionInDays).toBe(365);
    }
  });

  it('throttles the default stage at the write limits and writes JSON access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingBurstLimit: THROTTLES.write.burst,
        ThrottlingRateLimit: THROTTLES.write.ratePerSecond,
      },
    });
    expect(THROTTLES.write).toEqual({ ratePerSecond: 50, burst: 100 });
    const stage = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    const format = JSON.parse((stage.Properties.AccessLogSettings as { Format: string }).Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('throttles every route by its class: reads loosest, writes tighter, /admin/* tightest', () => {
    const stage = Object.entries(resources).find(([, r]) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    const settings = stage[1].Properties.RouteSettings as Record<
      string,
      { ThrottlingBurstLimit: number; ThrottlingRateLimit: number }
    >;
    expect(Object.keys(settings).sort()).toEqual(routes.map((route) => routeKeyOf(route)).sort());
    for (const route of routes) {
      const limit = THROTTLES[throttleClassOf(route)];
      expect(settings[routeKeyOf(route)], routeKeyOf(route)).toEqual({
        ThrottlingBurstLimit: limit.burst,
        ThrottlingRateLimit: limit.ratePerSecond,
      });
    }
    expect(settings['GET /api/referrals']!.ThrottlingRateLimit).toBeGreaterThan(
      settings['POST /api/people']!.ThrottlingRateLimit,
    );
    expect(settings['POST /api/people']!.ThrottlingRateLimit).toBeGreaterThan(
      settings['GET /api/admin/partnerships']!.ThrottlingRateLimit,
    );
    // API Gateway refuses settings for a route that does not exist yet: the stage waits for every route.
    const routeIds = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map(([id]) => id);
    const dependsOn = (template.toJSON().Resources[stage[0]] as { DependsOn?: string[] }).DependsOn ?? [];
    for (const routeId of routeIds) expect(dependsOn).toContain(routeId);
  });

  it('alarms on 5xx answers of the stage and on errors of every feature function', () => {
    const alarms = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    const serverErrors = alarms.find((alarm) => alarm.Properties.MetricName === '5xx')!;
    expect(serverErrors.Properties).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 5,
    });
    expect(referencedIds(serverErrors.Properties.Dimensions)).toContain(
      logicalIdOf(stack, stack.api.httpApi),
    );
    const covered = alarms
      .filter((alarm) => Array.isArray(alarm.Properties.Metrics))
      .flatMap(
        (alarm) =>
          alarm.Properties.Metrics as {
            MetricStat?: { Metric: { MetricName: string; Dimensions: unknown } };
          }[],
      )
      .filter((metric) => metric.MetricStat?.Metric.MetricName === 'Errors')
      .flatMap((metric) => referencedIds(metric.MetricStat!.Metric.Dimensions));
    for (const [feature, fn] of stack.api.functions) {
      expect(covered, feature).toContain(logicalIdOf(stack, fn.fn));
    }
  });
});
