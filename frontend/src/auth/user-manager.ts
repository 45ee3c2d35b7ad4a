import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AppConfig } from '../config.ts';

/** Path of the page the identity provider sends the browser back to after sign-in. */
export const CALLBACK_PATH = '/auth/callback';
/** Path the identity provider sends the browser to after sign-out. */
export const SIGNED_OUT_PATH = '/signed-out';

/**
 * The OpenID Connect client: authorization code flow with PKCE, discovery from the authority,
 * so the same code works with Cognito and with the local provider. The user lives in
 * sessionStorage, so closing the browser ends the session on this device.
 */
export function createUserManager(config: AppConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // No silent renew: an expired token makes the API answer 401 and the user signs in again.
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
}
