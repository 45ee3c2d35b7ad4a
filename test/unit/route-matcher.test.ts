import { describe, expect, it } from 'vitest';
import { routeList as routes } from '../../functions/api/routes.ts';
import { routeMatcher } from '../../infra/local/route-matcher.ts';

const match = routeMatcher(routes);

describe('routeMatcher', () => {
  it('finds a static route', () => {
    const found = match('GET', '/health');
    expect(found.kind).toBe('found');
    if (found.kind === 'found') {
      expect(found.route.operationId).toBe('getHealth');
      expect(found.params).toEqual({});
    }
  });

  it('picks the route by method on a shared path', () => {
    const get = match('GET', '/areas');
    const post = match('POST', '/areas');
    expect(get.kind === 'found' && get.route.operationId).toBe('listAreas');
    expect(post.kind === 'found' && post.route.operationId).toBe('createArea');
  });

  it('fills and decodes path parameters', () => {
    const found = match('PATCH', '/areas/area%20one%2Fx');
    expect(found).toMatchObject({ kind: 'found', params: { areaId: 'area one/x' } });
    expect(found.kind === 'found' && found.route.operationId).toBe('updateArea');
  });

  it('keeps a parameter that is not valid percent-encoding as sent', () => {
    expect(match('GET', '/areas/bad%E0%A4%A')).toMatchObject({
      kind: 'found',
      params: { areaId: 'bad%E0%A4%A' },
    });
  });

  it('answers 405 with the allowed methods for a known path', () => {
    expect(match('PUT', '/areas')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'POST'] });
    expect(match('DELETE', '/areas/a1')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'PATCH'] });
    expect(match('POST', '/members/m1')).toEqual({
      kind: 'method_not_allowed',
      allowed: ['GET', 'PATCH', 'DELETE'],
    });
  });

  it('answers not found for an unknown path', () => {
    expect(match('GET', '/nowhere')).toEqual({ kind: 'not_found' });
    expect(match('GET', '/areas/a/b')).toEqual({ kind: 'not_found' });
    expect(match('GET', '/areas/')).toEqual({ kind: 'not_found' });
    expect(match('GET', '/api/areas')).toEqual({ kind: 'not_found' });
  });

  it('treats a dot in a route path literally', () => {
    expect(match('GET', '/openapi.json').kind).toBe('found');
    expect(match('GET', '/openapiXjson')).toEqual({ kind: 'not_found' });
  });

  it('matches every route of the table by its own path', () => {
    for (const route of routes) {
      const path = route.path.replace(/\{(\w+)\}/g, 'value-$1');
      const found = match(route.method, path);
      expect(found.kind === 'found' && found.route.operationId).toBe(route.operationId);
    }
  });

  it('prefers a literal segment to a parameter, whatever the declaration order, as API Gateway does', () => {
    // Prepare
    const byId = { ...routes[0]!, operationId: 'getItem', method: 'GET', path: '/items/{itemId}' } as const;
    const latest = { ...routes[0]!, operationId: 'getLatest', method: 'GET', path: '/items/latest' } as const;
    // Act
    const found = routeMatcher([byId, latest])('GET', '/items/latest');
    const other = routeMatcher([byId, latest])('GET', '/items/i-123');
    // Assess
    expect(found.kind === 'found' && found.route.operationId).toBe('getLatest');
    expect(other.kind === 'found' && other.route.operationId).toBe('getItem');
  });
});
