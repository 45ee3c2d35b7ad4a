import { randomBytes } from 'node:crypto';
import { errors, type ProviderContext, type StructuredJwt, type TokenModel } from 'oidc-provider';
import { ACCESS_TOKEN_SCOPE, ACCESS_TOKEN_TTL_SECONDS, cognitoAccessTokenClaims } from './access-token.ts';
import { escapeHtml } from './html.ts';
import { createMemoryAdapterFactory } from './memory-adapter.ts';
import { renderLocalPage } from './page-layout.ts';
import { renderSignInProblemPage, renderSignOutPage } from './sign-in-page.ts';
import type { SigningJwk } from './signing-key.ts';
import type { LocalIdentityOptions, LocalUser } from './types.ts';

export interface ProviderSetup {
  options: LocalIdentityOptions;
  key: SigningJwk;
  /** The issuer's path, e.g. /oidc. */
  mountPath: string;
  /** The API's resource indicator: every access token is issued for it, so it is a JWT. */
  resource: string;
}

const hour = 60 * 60;
const day = 24 * hour;

/**
 * The oidc-provider configuration of the local stand-in for Cognito: one public client using
 * the code flow with PKCE, JWT access tokens carrying Cognito's claims, and every function
 * oidc-provider would otherwise warn about for using its development default.
 */
export function buildProviderConfiguration({
  options,
  key,
  mountPath,
  resource,
}: ProviderSetup): Record<string, unknown> {
  const activeUser = async (sub: string): Promise<LocalUser | undefined> => {
    const user = await options.users.bySub(sub);
    return user && !user.disabled ? user : undefined;
  };
  const appHome = new URL('/', options.redirectUris[0] ?? options.issuer).href;
  const cookieOptions = { httpOnly: true, sameSite: 'lax', signed: true };

  return {
    adapter: createMemoryAdapterFactory(),
    clients: [
      {
        client_id: options.clientId,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
      },
    ],
    jwks: { keys: [key] },
    // Plain http on localhost: no `secure` flag (oidc-provider adds it only on https requests).
    // Sessions live in memory, so per-process cookie keys lose nothing on restart.
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      long: cookieOptions,
      short: cookieOptions,
    },
    claims: {
      openid: ['sub', 'tenant_id', 'cognito:groups'],
      email: ['email'],
      profile: ['name'],
    },
    // Without this, code-flow ID tokens would leave the profile claims to the userinfo endpoint.
    conformIdTokenClaims: false,
    async findAccount(_ctx: ProviderContext, sub: string) {
      const user = await activeUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        async claims() {
          return {
            sub: user.sub,
            email: user.email,
            name: user.name,
            ...(user.tenantId ? { tenant_id: user.tenantId } : {}),
            ...(user.groups.length ? { 'cognito:groups': [...user.groups] } : {}),
          };
        },
      };
    },
    features: {
      devInteractions: { enabled: false },
      // Access tokens are JWTs for the API, which userinfo does not accept; the ID token
      // already carries the profile claims.
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        async defaultResource() {
          return resource;
        },
        async useGrantedResource() {
          return true;
        },
        async getResourceServerInfo(_ctx: ProviderContext, indicator: string) {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: ACCESS_TOKEN_SCOPE,
            audience: options.clientId,
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: ProviderContext, form: string) {
          ctx.type = 'html';
          ctx.body = renderSignOutPage(form);
        },
        async postLogoutSuccessSource(ctx: ProviderContext) {
          ctx.type = 'html';
          ctx.body = renderLocalPage({
            title: 'You have signed out – Continuity',
            header: 'Continuity (local sign-in)',
            body: `<h1>You have signed out</h1>\n<p><a href="${escapeHtml(appHome)}">Go to Continuity</a></p>`,
          });
        },
      },
    },
    formats: {
      customizers: {
        async jwt(_ctx: ProviderContext, token: TokenModel, jwt: StructuredJwt) {
          if (token.kind !== 'AccessToken' || !token.accountId) return;
          const user = await activeUser(token.accountId);
          if (user) Object.assign(jwt.payload, cognitoAccessTokenClaims(user));
        },
      },
    },
    // Cognito returns a refresh token with every code exchange, without `offline_access`.
    async issueRefreshToken(_ctx: ProviderContext, client: { grantTypeAllowed(type: string): boolean }) {
      return client.grantTypeAllowed('refresh_token');
    },
    pkce: { required: () => true },
    interactions: {
      // An absolute path under the mount, so the interaction cookie's path matches the pages.
      async url(_ctx: ProviderContext, interaction: { uid: string }) {
        return `${mountPath}/interaction/${interaction.uid}`;
      },
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      RefreshToken: 30 * day,
      Interaction: 15 * 60,
      Session: 12 * hour,
      Grant: 30 * day,
    },
    clientBasedCORS(_ctx: ProviderContext, origin: string, client: { redirectUris: string[] }) {
      return client.redirectUris.some((uri) => new URL(uri).origin === origin);
    },
    async renderError(ctx: ProviderContext, out: Record<string, unknown>) {
      ctx.type = 'html';
      const description =
        typeof out.error_description === 'string' ? out.error_description : 'The request was not valid.';
      const code = typeof out.error === 'string' ? out.error : 'server_error';
      ctx.body = renderSignInProblemPage(
        'Sorry, there is a problem with sign-in',
        [description, `Error code: ${code}`],
        { href: appHome, text: 'Go to Continuity' },
      );
    },
  };
}
