import { randomBytes } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { SigningJwk } from './signing-key.ts';
import type { LocalUser } from './types.ts';

/** Lifetime of every access token, as Cognito's default. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/** The scopes every local access token carries, as a Cognito code-flow token for this client does. */
export const ACCESS_TOKEN_SCOPE = 'openid email profile';

/**
 * Claims beyond the standard JWT ones that Cognito puts in its access tokens and the API
 * reads: so the API verifies the AWS and the local tokens alike.
 */
export function cognitoAccessTokenClaims(user: LocalUser): Record<string, unknown> {
  return {
    token_use: 'access',
    email: user.email,
    ...(user.tenantId ? { tenant_id: user.tenantId } : {}),
    ...(user.groups.length ? { 'cognito:groups': [...user.groups] } : {}),
  };
}

export interface AccessTokenSigner {
  issuer: string;
  clientId: string;
  key: SigningJwk;
}

/**
 * Signs an access token outside the code flow with the provider's own key, header shape
 * (`typ: at+jwt`, `kid`) and claims, so the API cannot tell it from one the flow issued.
 */
export async function signAccessToken(
  { issuer, clientId, key }: AccessTokenSigner,
  user: LocalUser,
): Promise<string> {
  const privateKey = await importJWK(key, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    ...cognitoAccessTokenClaims(user),
    scope: ACCESS_TOKEN_SCOPE,
    client_id: clientId,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid })
    .setIssuer(issuer)
    .setSubject(user.sub)
    .setAudience(clientId)
    .setJti(randomBytes(32).toString('base64url'))
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
    .sign(privateKey);
}
