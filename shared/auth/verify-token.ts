import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { Unauthenticated, Unavailable } from '../errors.ts';

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
    } catch (error) {
      // The issuer's keys could not be fetched: the identity provider is down, not the token bad.
      if (keySetUnreachable(error))
        throw new Unavailable('The sign-in service cannot be reached; try again shortly.');
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

function keySetUnreachable(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ERR_JWKS_TIMEOUT') return true;
  // fetch() reports a refused or reset connection as a TypeError with the network error as cause.
  return error instanceof TypeError && (error as { cause?: unknown }).cause !== undefined;
}

/** The token from an `Authorization: Bearer …` header (scheme in any case), or Unauthenticated. */
export function bearerToken(header: string | undefined): string {
  const match = header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i);
  if (!match?.[1]) throw new Unauthenticated();
  return match[1];
}
