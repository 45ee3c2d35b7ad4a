import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import { signAccessToken } from './access-token.ts';
import { createInteractionHandler, sendHtml } from './interactions.ts';
import { buildProviderConfiguration } from './provider-config.ts';
import { renderSignInProblemPage } from './sign-in-page.ts';
import { loadOrCreateSigningKey } from './signing-key.ts';
import type { LocalIdentity, LocalIdentityOptions, LocalUser } from './types.ts';

export type { LocalIdentity, LocalIdentityOptions, LocalUser, LocalUserDirectory } from './types.ts';

/**
 * Starts the local stand-in for Cognito: an OpenID Connect provider (oidc-provider) mounted
 * at the issuer's path, with its own sign-in page and Cognito-shaped JWT access tokens.
 */
export async function createLocalIdentity(options: LocalIdentityOptions): Promise<LocalIdentity> {
  const issuerUrl = new URL(options.issuer);
  const mountPath = issuerUrl.pathname.replace(/\/+$/, '');
  const resource = new URL('/api', issuerUrl).href;
  const key = await loadOrCreateSigningKey(options.keyFile);

  const provider = new Provider(
    options.issuer,
    buildProviderConfiguration({ options, key, mountPath, resource }),
  );
  // The gateway is the origin itself, not behind a proxy: forwarded headers are not trusted.
  provider.proxy = false;
  provider.on('server_error', (_ctx, error) => {
    // The message only: request details could hold codes or tokens.
    console.error(`local OIDC provider error: ${error.message}`);
  });
  const providerCallback = provider.callback();
  const interactions = createInteractionHandler({ provider, options, mountPath, resource });
  let closed = false;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (closed) {
      sendHtml(
        res,
        503,
        renderSignInProblemPage('Sign-in is not available', ['The local stack is stopping.']),
      );
      return;
    }
    if (!(path === mountPath || path.startsWith(`${mountPath}/`))) {
      sendHtml(
        res,
        404,
        renderSignInProblemPage('Page not found', ['There is no sign-in page at this address.']),
      );
      return;
    }
    const below = url.slice(mountPath.length) || '/';
    if (path.startsWith(`${mountPath}/interaction/`)) {
      await interactions(req, res, below.split('?')[0] ?? '/');
      return;
    }
    // oidc-provider routes on the path below its mount and rebuilds its own absolute URLs
    // from `originalUrl` minus `url`, as it does when mounted under Express.
    Object.assign(req, { originalUrl: url });
    req.url = below;
    try {
      await providerCallback(req, res);
    } finally {
      req.url = url;
    }
  };

  return {
    handle(req, res) {
      route(req, res).catch((error: unknown) => {
        console.error(`local OIDC provider error: ${error instanceof Error ? error.message : 'unknown'}`);
        if (!res.headersSent) {
          sendHtml(
            res,
            500,
            renderSignInProblemPage('Sorry, there is a problem with sign-in', ['Try again later.']),
          );
        } else {
          res.end();
        }
      });
    },
    async mintAccessToken(user: LocalUser) {
      if (user.disabled) throw new Error(`user ${user.sub} is disabled and cannot be given a token`);
      return signAccessToken({ issuer: options.issuer, clientId: options.clientId, key }, user);
    },
    jwksUri: new URL(`${mountPath}/jwks`, issuerUrl).href,
    async close() {
      closed = true;
    },
  };
}
