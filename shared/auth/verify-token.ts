import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { Unauthenticated } from '../errors.ts';

export interface TokenVerifierOptions {
  issuer: string;
  /** The web client's id, accepted in `aud` (OIDC) or `client_id` (Cognito access tokens). */
  audience: string;
  jwksUri: string;
}

/** Checks a bearer token's signature, issuer, audience and expiry; answers its claims. */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/**
 * A verifier that fetches and caches the issuer's keys. Only RS256 is accepted, which also
 * refuses `alg: none` and HMAC tokens signed with a public key.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUri), {
    cooldownDuration: 30_000,
    timeoutDuration: 3_000,
  });
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      }));
    } catch {
      throw new Unauthenticated();
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    if (!audiences.includes(options.audience) && payload.client_id !== options.audience) {
      throw new Unauthenticated('Sign in again: the access token was issued for another application.');
    }
    if (payload.token_use !== undefined && payload.token_use !== 'access') {
      throw new Unauthenticated('Send the access token, not the ID token.');
    }
    return payload;
  };
}

/** The token from an `Authorization: Bearer …` header, or Unauthenticated. */
export function bearerToken(header: string | undefined): string {
  const match = header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]+)$/);
  if (!match?.[1]) throw new Unauthenticated();
  return match[1];
}
