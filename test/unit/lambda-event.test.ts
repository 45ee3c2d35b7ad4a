import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { lambdaContext, toLambdaEvent } from '../../infra/local/lambda-event.ts';

/** The parts of an incoming request that toLambdaEvent reads. */
function request(headers: Record<string, string | string[]>, method = 'POST'): IncomingMessage {
  return {
    headers,
    method,
    httpVersion: '1.1',
    socket: { remoteAddress: '127.0.0.7' },
  } as unknown as IncomingMessage;
}

const url = (path: string) => new URL(path, 'http://localhost:3000');

describe('toLambdaEvent', () => {
  it('lower-cases header names and joins repeated values', () => {
    const event = toLambdaEvent(
      request({ 'X-Trace-Id': 'abc', Accept: ['application/json', 'text/plain'] }, 'GET'),
      url('/api/areas'),
      Buffer.alloc(0),
      'GET /api/areas',
      {},
    );
    expect(event.headers).toEqual({ 'x-trace-id': 'abc', accept: 'application/json,text/plain' });
  });

  it('joins a repeated query value with commas', () => {
    const event = toLambdaEvent(
      request({}, 'GET'),
      url('/api/referrals?status=open&status=closed&areaId=a1'),
      Buffer.alloc(0),
      'GET /api/referrals',
      {},
    );
    expect(event.queryStringParameters).toEqual({ status: 'open,closed', areaId: 'a1' });
    expect(event.rawQueryString).toBe('status=open&status=closed&areaId=a1');
  });

  it('leaves out empty query and path parameters', () => {
    const event = toLambdaEvent(request({}, 'GET'), url('/api/areas'), Buffer.alloc(0), 'GET /api/areas', {});
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
  });

  it('passes a JSON body as UTF-8 text', () => {
    const body = Buffer.from('{"name":"Café ✓"}');
    const event = toLambdaEvent(
      request({ 'content-type': 'application/json; charset=utf-8' }),
      url('/api/areas'),
      body,
      'POST /api/areas',
      {},
    );
    expect(event.body).toBe('{"name":"Café ✓"}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('passes CSV as UTF-8 text', () => {
    const event = toLambdaEvent(
      request({ 'content-type': 'text/csv' }),
      url('/api/imports/releases'),
      Buffer.from('a,b\n'),
      'POST /api/imports/releases',
      {},
    );
    expect(event.body).toBe('a,b\n');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes a binary body', () => {
    const body = Buffer.from([0, 1, 254, 255]);
    const event = toLambdaEvent(
      request({ 'content-type': 'application/octet-stream' }),
      url('/api/x'),
      body,
      'POST /api/x',
      {},
    );
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(body);
  });

  it('base64-encodes a body without a content type', () => {
    const event = toLambdaEvent(request({}), url('/api/x'), Buffer.from('hi'), 'POST /api/x', {});
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(Buffer.from('hi').toString('base64'));
  });

  it('fills the request context, path parameters and cookies', () => {
    const event = toLambdaEvent(
      request({ host: 'localhost:3000', 'user-agent': 'test-agent', cookie: 'a=1; b=2' }, 'PATCH'),
      url('/api/areas/a1'),
      Buffer.alloc(0),
      'PATCH /api/areas/{areaId}',
      { areaId: 'a1' },
    );
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'PATCH /api/areas/{areaId}',
      rawPath: '/api/areas/a1',
      pathParameters: { areaId: 'a1' },
      cookies: ['a=1', 'b=2'],
      requestContext: {
        domainName: 'localhost:3000',
        http: {
          method: 'PATCH',
          path: '/api/areas/a1',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.7',
          userAgent: 'test-agent',
        },
        routeKey: 'PATCH /api/areas/{areaId}',
        stage: '$default',
      },
    });
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('lambdaContext', () => {
  it('names the function and counts down the remaining time', () => {
    const context = lambdaContext('createArea', 5_000);
    expect(context.functionName).toBe('createArea');
    expect(context.invokedFunctionArn).toContain(':function:createArea');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(4_000);
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(5_000);
    expect(lambdaContext('x').awsRequestId).not.toBe(lambdaContext('x').awsRequestId);
  });
});
