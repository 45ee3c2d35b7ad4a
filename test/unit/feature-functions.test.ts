import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { featureFunction } from '../../functions/api/feature-function.ts';
import { getHealth, getOpenApi } from '../../functions/api/handlers/meta.ts';
import { routes as caseRoutes } from '../../functions/api/routes/cases.ts';
import { routes as publicRoutes } from '../../functions/api/routes/public.ts';
import { routeList } from '../../functions/api/routes.ts';
import type { ApiLambda } from '../../shared/http/api-handler.ts';
import { API_FEATURES, type ApiFeature, routeKeyOf } from '../../shared/http/route-def.ts';

/**
 * The feature of the routes each entry passes to featureFunction. The real featureFunction still runs, with its
 * load-time checks (adapters exactly as the routes' access needs, a handler for every route), but
 * each handler is replaced by one that names itself, so the test can see which entry serves which
 * route without running any handler.
 */
const wired = vi.hoisted(() => [] as string[]);
const STUB_STATUS = 299;
vi.mock('../../functions/api/feature-function.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../functions/api/feature-function.ts')>();
  const stubbed: typeof actual.featureFunction = (featureRoutes, handlers, adapters) => {
    wired.push(Object.values(featureRoutes)[0]?.feature ?? 'none');
    const named = Object.fromEntries(
      Object.entries(handlers as Record<string, unknown>)
        .filter(([, value]) => typeof value === 'function')
        .map(([operationId]) => [operationId, async () => ({ statusCode: STUB_STATUS, body: operationId })]),
    );
    return actual.featureFunction(featureRoutes, named as unknown as typeof handlers, adapters);
  };
  return { ...actual, featureFunction: stubbed };
});

const eventFor = (routeKey: string) => ({ routeKey }) as unknown as APIGatewayProxyEventV2;
const context = {} as Context;

describe('feature functions (functions/api/features/<feature>.ts)', () => {
  const entries = new Map<ApiFeature, unknown>();

  beforeAll(async () => {
    for (const feature of API_FEATURES) {
      const module = (await import(`../../functions/api/features/${feature}.ts`)) as { handler?: unknown };
      entries.set(feature, module.handler);
    }
  });

  it.each(API_FEATURES)('the %s entry loads and exports a handler function', (feature) => {
    expect(typeof entries.get(feature)).toBe('function');
  });

  it('has each entry wire its own feature, once', () => {
    expect(wired).toEqual([...API_FEATURES]);
  });

  it('serves every route of the route table from exactly one entry, by its handler of the same name', async () => {
    for (const route of routeList) {
      const servedBy: string[] = [];
      for (const [feature, handler] of entries) {
        const response = (await (handler as ApiLambda)(
          eventFor(routeKeyOf(route)),
          context,
        )) as APIGatewayProxyStructuredResultV2;
        if (response.statusCode === STUB_STATUS) {
          servedBy.push(feature);
          expect(response.body, routeKeyOf(route)).toBe(route.operationId);
        } else {
          expect(response.statusCode, `${feature} answers ${routeKeyOf(route)}`).toBe(404);
        }
      }
      expect(servedBy, route.operationId).toEqual([route.feature]);
    }
  });

  it('answers 404 to a route key it does not serve', async () => {
    const response = (await (entries.get('public') as ApiLambda)(
      eventFor('GET /api/nowhere'),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses at load a function whose adapters differ from what its routes need, or that lacks a handler', () => {
    // The public routes touch nothing, so a publisher there is a client the bundle never uses.
    expect(() =>
      featureFunction(publicRoutes, { getHealth, getOpenApi }, { publisher: () => ({}) as never }),
    ).toThrow(/adapters \[publisher\] but its routes need \[\]/);
    // The cases routes publish (updateAppointment), and members call them, so a function without
    // the publisher or the tenant-scoped tables fails.
    expect(() => featureFunction(caseRoutes, {} as never)).toThrow(/need \[publisher, tenantTables\]/);
    expect(() => featureFunction(caseRoutes, {} as never, { publisher: () => ({}) as never })).toThrow(
      /need \[publisher, tenantTables\]/,
    );
    expect(() => featureFunction(publicRoutes, { getHealth } as never)).toThrow(/no handler for getOpenApi/);
  });
});
