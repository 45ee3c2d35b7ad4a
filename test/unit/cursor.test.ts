import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cursorCodec } from '../../shared/data/cursor.ts';
import { ValidationFailed } from '../../shared/errors.ts';

const SECRET = 's'.repeat(32);
const SCOPE = 'tenant-a|listAreas';
const lastKey = { PK: 'T#tenant-a', SK: 'AREA#01hzz0000000000000000000', note: 'é ✓' };
const codec = cursorCodec(SECRET);
const cursor = codec.encode(lastKey, SCOPE) as string;

/** Asserts that decoding is refused with ValidationFailed naming the `cursor` field. */
function expectRefused(decode: () => unknown): void {
  let error: unknown;
  try {
    decode();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ValidationFailed);
  expect((error as ValidationFailed).status).toBe(400);
  expect((error as ValidationFailed).fields).toHaveProperty('cursor');
}

describe('cursorCodec', () => {
  it('round-trips a key in the same scope', () => {
    expect(codec.decode(cursor, SCOPE)).toEqual(lastKey);
  });

  it('issues a URL-safe cursor without padding', () => {
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('passes undefined through both ways', () => {
    expect(codec.encode(undefined, SCOPE)).toBeUndefined();
    expect(codec.decode(undefined, SCOPE)).toBeUndefined();
  });

  it('refuses a cursor with any one character changed', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let index = 0; index < cursor.length; index++) {
      if (cursor[index] === '.') continue;
      const replacement = cursor[index] === 'A' ? 'B' : 'A';
      const edited = cursor.slice(0, index) + replacement + cursor.slice(index + 1);
      expect(alphabet).toContain(replacement);
      expectRefused(() => codec.decode(edited, SCOPE));
    }
  });

  it('refuses a truncated cursor', () => {
    const dot = cursor.indexOf('.');
    expectRefused(() => codec.decode(cursor.slice(0, -1), SCOPE));
    expectRefused(() => codec.decode(cursor.slice(0, dot + 1), SCOPE));
    expectRefused(() => codec.decode(cursor.slice(0, dot), SCOPE));
    expectRefused(() => codec.decode(cursor.slice(1), SCOPE));
    expectRefused(() => codec.decode('', SCOPE));
  });

  it('refuses extra dots', () => {
    expectRefused(() => codec.decode(`${cursor}.`, SCOPE));
    expectRefused(() => codec.decode(`${cursor}.extra`, SCOPE));
    expectRefused(() => codec.decode(`.${cursor}`, SCOPE));
    expectRefused(() => codec.decode(cursor.replace('.', '..'), SCOPE));
  });

  it('refuses a cursor issued to another tenant', () => {
    expectRefused(() => codec.decode(cursor, 'tenant-b|listAreas'));
  });

  it('refuses a cursor issued for another list of the same tenant', () => {
    expectRefused(() => codec.decode(cursor, 'tenant-a|listMembers'));
  });

  it('refuses a cursor signed with another secret', () => {
    const other = cursorCodec('o'.repeat(32)).encode(lastKey, SCOPE) as string;
    expectRefused(() => codec.decode(other, SCOPE));
  });

  it('refuses a cursor whose payload was swapped for another tenant key', () => {
    const forged = Buffer.from(JSON.stringify({ PK: 'T#tenant-b', SK: 'AREA#x' })).toString('base64url');
    expectRefused(() => codec.decode(`${forged}.${cursor.split('.')[1]}`, SCOPE));
  });

  it('refuses a correctly signed payload that is not a key object', () => {
    for (const value of ['[1,2]', 'null', '"text"', '42', 'not json']) {
      const payload = Buffer.from(value).toString('base64url');
      const signature = createHmac('sha256', SECRET)
        .update(SCOPE)
        .update('\n')
        .update(payload)
        .digest('base64url');
      expectRefused(() => codec.decode(`${payload}.${signature}`, SCOPE));
    }
  });
});
