import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors.ts';
import { MAX_JSON_BODY_BYTES, rawBody, readJsonBody } from '../../shared/http/read-body.ts';

/** An event with just the parts readJsonBody reads. */
function event(
  body: string | undefined,
  contentType?: string,
  isBase64Encoded = false,
): APIGatewayProxyEventV2 {
  return {
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body,
    isBase64Encoded,
  } as unknown as APIGatewayProxyEventV2;
}

function failure(act: () => unknown): ApiError {
  try {
    act();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('readJsonBody', () => {
  it('reads a JSON body', () => {
    expect(readJsonBody(event('{"a":[1,"é"]}', 'application/json'))).toEqual({ a: [1, 'é'] });
  });

  it('accepts a charset parameter and any case of the media type', () => {
    expect(readJsonBody(event('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
    expect(readJsonBody(event('{"a":1}', 'Application/JSON;charset=UTF-8'))).toEqual({ a: 1 });
  });

  it('answers 415 without a content type', () => {
    const error = failure(() => readJsonBody(event('{}')));
    expect(error.status).toBe(415);
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toContain('no Content-Type');
  });

  it('answers 415 for another content type', () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/jsonp',
      'text/json',
    ]) {
      const error = failure(() => readJsonBody(event('{}', type)));
      expect(error.status).toBe(415);
      expect(error.message).toContain(type);
    }
  });

  it('answers 413 over the limit and accepts the limit exactly', () => {
    const padding = (size: number) => `"${'a'.repeat(size - 2)}"`;
    expect(readJsonBody(event(padding(MAX_JSON_BODY_BYTES), 'application/json'))).toHaveLength(
      MAX_JSON_BODY_BYTES - 2,
    );
    const error = failure(() => readJsonBody(event(padding(MAX_JSON_BODY_BYTES + 1), 'application/json')));
    expect(error.status).toBe(413);
    expect(error.code).toBe('too_large');
  });

  it('counts bytes, not characters, against the limit', () => {
    const error = failure(() => readJsonBody(event('"ééé"', 'application/json'), 7));
    expect(error.status).toBe(413);
  });

  it('answers 400 malformed_json for an empty body', () => {
    for (const body of [undefined, '']) {
      const error = failure(() => readJsonBody(event(body, 'application/json')));
      expect(error.status).toBe(400);
      expect(error.code).toBe('malformed_json');
      expect(error.message).toContain('empty');
    }
  });

  it('answers 400 malformed_json for a body that is not UTF-8', () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const error = failure(() => readJsonBody(event(bytes.toString('base64'), 'application/json', true)));
    expect(error.status).toBe(400);
    expect(error.code).toBe('malformed_json');
    expect(error.message).toContain('UTF-8');
  });

  it('answers 400 malformed_json for bad JSON', () => {
    for (const body of ['{', "{'a':1}", '{"a":1,}', 'undefined']) {
      const error = failure(() => readJsonBody(event(body, 'application/json')));
      expect(error.status).toBe(400);
      expect(error.code).toBe('malformed_json');
    }
  });

  it('decodes a base64 body', () => {
    const body = Buffer.from('{"name":"Café"}').toString('base64');
    expect(readJsonBody(event(body, 'application/json', true))).toEqual({ name: 'Café' });
  });
});

describe('rawBody', () => {
  it('answers the bytes of plain and base64 bodies', () => {
    expect(rawBody(event('abc')).toString()).toBe('abc');
    expect([...rawBody(event(Buffer.from([0, 255]).toString('base64'), undefined, true))]).toEqual([0, 255]);
    expect(rawBody(event(undefined)).length).toBe(0);
  });
});
