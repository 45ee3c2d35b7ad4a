import { describe, expect, it } from 'vitest';
import { ApiError, PreconditionRequired, ValidationFailed } from '../../shared/errors.ts';
import { parseIfMatch } from '../../shared/http/if-match.ts';

function failure(header: string | undefined): ApiError {
  try {
    parseIfMatch(header);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "42" ', 42],
    ['"1000000"', 1_000_000],
  ])('reads %j as %i', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([undefined, '', '   '])('answers 428 PreconditionRequired for %j', (header) => {
    const error = failure(header);
    expect(error).toBeInstanceOf(PreconditionRequired);
    expect(error.status).toBe(428);
    expect(error.code).toBe('precondition_required');
  });

  it.each(['abc', '"abc"', '*', '"3", "4"', '-1', '3.5', 'W/3x', '1234567890123'])(
    'answers 400 for %j',
    (header) => {
      const error = failure(header);
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(error.status).toBe(400);
      expect(error.fields).toHaveProperty('If-Match');
    },
  );

  it('echoes the bad value, shortened', () => {
    expect(failure('abc').fields?.['If-Match']).toContain('got "abc"');
    expect(failure('x'.repeat(100)).fields?.['If-Match']).not.toContain('x'.repeat(41));
  });
});
