import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../shared/adapters/logger.ts';
import { ApiError, Duplicate, Throttled, Unauthenticated, VersionConflict } from '../../shared/errors.ts';
import { errorResponse } from '../../shared/http/error-response.ts';

const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null');

describe('errorResponse', () => {
  let errorLog: ReturnType<typeof vi.spyOn>;
  let warnLog: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errorLog = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    warnLog = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('answers an ApiError with its status, code, message, fields and headers', () => {
    const response = errorResponse(
      new ApiError(422, 'odd', 'An odd thing.', { field: 'is odd' }, { 'x-extra': 'yes' }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-extra': 'yes',
    });
    expect(bodyOf(response)).toEqual({
      error: { code: 'odd', message: 'An odd thing.', fields: { field: 'is odd' } },
    });
    expect(errorLog).not.toHaveBeenCalled();
  });

  it('leaves fields out when there are none', () => {
    expect(bodyOf(errorResponse(new Duplicate('Already there.')))).toEqual({
      error: { code: 'duplicate', message: 'Already there.' },
    });
  });

  it('keeps the headers of named errors', () => {
    expect(errorResponse(new Unauthenticated()).headers).toMatchObject({ 'www-authenticate': 'Bearer' });
    expect(errorResponse(new VersionConflict(4)).headers).toMatchObject({ etag: '"4"' });
    expect(errorResponse(new Throttled(2)).headers).toMatchObject({ 'retry-after': '2' });
  });

  it('answers 503 unavailable for a refused connection', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
    const response = errorResponse(error);
    expect(response.statusCode).toBe(503);
    expect(bodyOf(response).error.code).toBe('unavailable');
    expect(response.headers).toMatchObject({ 'retry-after': '5' });
    expect(response.body).not.toContain('127.0.0.1');
    expect(warnLog).toHaveBeenCalledOnce();
  });

  it('answers 500 internal for any other error, without its message, and logs it', () => {
    const response = errorResponse(new Error('secret detail: Jane Doe A1234BC'));
    expect(response.statusCode).toBe(500);
    expect(bodyOf(response).error.code).toBe('internal');
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('A1234BC');
    expect(errorLog).toHaveBeenCalledOnce();
  });

  it('answers 500 internal for a thrown value that is not an Error', () => {
    const response = errorResponse('just a string');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('just a string');
  });
});
