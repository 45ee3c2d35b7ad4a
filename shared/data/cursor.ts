import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationFailed } from '../errors.ts';

/**
 * Opaque list cursors. A cursor is the page's last key, bound to the caller's scope (tenant and
 * route) and signed, so an edited cursor, or one replayed by another tenant, is refused.
 */
export interface CursorCodec {
  encode(lastKey: Record<string, unknown> | undefined, scope: string): string | undefined;
  decode(cursor: string | undefined, scope: string): Record<string, unknown> | undefined;
}

const refused = () =>
  new ValidationFailed('The cursor is not one this service issued for this list.', {
    cursor: 'is not a cursor from this list: start again from the first page',
  });

/** Makes a codec that signs cursors with HMAC-SHA256 under `secret`. */
export function cursorCodec(secret: string): CursorCodec {
  const sign = (payload: string, scope: string) =>
    createHmac('sha256', secret).update(scope).update('\n').update(payload).digest('base64url');

  return {
    encode(lastKey, scope) {
      if (!lastKey) return undefined;
      const payload = Buffer.from(JSON.stringify(lastKey)).toString('base64url');
      return `${payload}.${sign(payload, scope)}`;
    },
    decode(cursor, scope) {
      if (cursor === undefined) return undefined;
      const [payload, signature, extra] = cursor.split('.');
      if (!payload || !signature || extra !== undefined) throw refused();
      const expected = Buffer.from(sign(payload, scope));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused();
      try {
        const key: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof key !== 'object' || key === null || Array.isArray(key)) throw refused();
        return key as Record<string, unknown>;
      } catch {
        throw refused();
      }
    },
  };
}
