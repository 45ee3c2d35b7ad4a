import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/api/openapi.ts';
import { routeList as routes } from '../../functions/api/routes.ts';

interface Operation {
  operationId: string;
  security?: unknown[];
  'x-roles'?: string[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: {
    required: boolean;
    content: {
      'application/json': { schema: { type?: string; required?: string[]; additionalProperties?: unknown } };
    };
  };
  responses: Record<string, { content?: unknown }>;
}

const doc = openApiDocument();
const operation = (path: string, method: string) =>
  (doc.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()] as Operation;

describe('openApiDocument', () => {
  it('is OpenAPI 3.1.0 with bearer security by default', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('serialises to JSON and back unchanged', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('has every route with its operationId, and no others', () => {
    for (const route of routes) {
      expect(operation(route.path, route.method)?.operationId).toBe(route.operationId);
    }
    const count = Object.values(doc.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
    expect(count).toBe(routes.length);
    expect(new Set(routes.map((route) => route.operationId)).size).toBe(routes.length);
  });

  it('gives public routes an empty security list and others their roles', () => {
    for (const route of routes) {
      const op = operation(route.path, route.method);
      if (route.roles === 'public') {
        expect(op.security).toEqual([]);
      } else {
        expect(op.security).toBeUndefined();
        expect(op['x-roles']).toEqual(route.roles);
      }
    }
    expect(operation('/health', 'GET').security).toEqual([]);
    expect(operation('/openapi.json', 'GET').security).toEqual([]);
  });

  it('documents every path parameter as required', () => {
    for (const route of routes) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((found) => found[1]);
      const pathParameters = operation(route.path, route.method).parameters.filter(
        (parameter) => parameter.in === 'path',
      );
      expect(pathParameters.map((parameter) => parameter.name).sort()).toEqual(names.sort());
      for (const parameter of pathParameters) expect(parameter.required).toBe(true);
    }
  });

  it('gives every route with a body a required JSON request body with its schema', () => {
    for (const route of routes) {
      const op = operation(route.path, route.method);
      if (!route.body) {
        expect(op.requestBody).toBeUndefined();
        continue;
      }
      expect(op.requestBody?.required).toBe(true);
      expect(op.requestBody?.content['application/json'].schema.type).toBe('object');
    }
  });

  it('lists the required fields of createArea and refuses others', () => {
    const schema = operation('/areas', 'POST').requestBody?.content['application/json'].schema;
    expect(schema?.required?.sort()).toEqual(['name', 'onsCode']);
    expect(schema?.additionalProperties).toBe(false);
  });

  it('lists the required fields of createMember and createPartnership', () => {
    expect(
      operation('/members', 'POST').requestBody?.content['application/json'].schema.required?.sort(),
    ).toEqual(['email', 'name', 'role']);
    expect(
      operation('/admin/partnerships', 'POST').requestBody?.content[
        'application/json'
      ].schema.required?.sort(),
    ).toEqual(['chair', 'name']);
  });

  it('documents If-Match on updates and Idempotency-Key on creates', () => {
    for (const route of routes) {
      const headers = operation(route.path, route.method).parameters.filter(
        (parameter) => parameter.in === 'header',
      );
      const ifMatch = headers.find((parameter) => parameter.name === 'If-Match');
      const idempotencyKey = headers.find((parameter) => parameter.name === 'Idempotency-Key');
      expect(Boolean(ifMatch)).toBe(Boolean(route.conditional));
      if (ifMatch) expect(ifMatch.required).toBe(true);
      expect(Boolean(idempotencyKey)).toBe(Boolean(route.idempotent));
    }
  });

  it('answers each route with its success status, and 204 with no content', () => {
    for (const route of routes) {
      expect(operation(route.path, route.method).responses).toHaveProperty(String(route.status ?? 200));
    }
    expect(operation('/members/{memberId}', 'DELETE').responses['204']?.content).toBeUndefined();
    expect(operation('/areas', 'POST').responses['201']?.content).toBeDefined();
  });

  it('refers only to schemas it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (found) => found[1],
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(doc.components.schemas).toHaveProperty(name as string);
  });

  it('documents list query parameters as optional', () => {
    const parameters = operation('/areas', 'GET').parameters.filter((parameter) => parameter.in === 'query');
    expect(parameters.map((parameter) => [parameter.name, parameter.required])).toEqual([
      ['limit', false],
      ['cursor', false],
    ]);
  });
});
