import type { User } from 'oidc-client-ts';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiClient } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { MeInfo } from '../api/types.ts';
import type { AppConfig } from '../config.ts';
import { safeReturnTo } from './return-to.ts';
import { type Session, SessionContext, type SessionStatus } from './session-context.ts';
import { CALLBACK_PATH, createUserManager, SIGNED_OUT_PATH } from './user-manager.ts';

/**
 * The callback page may be rendered twice (React's strict mode) but the authorization code
 * can be redeemed only once, so the first attempt's promise is shared.
 */
let pendingCallback: { url: string; result: Promise<User> } | undefined;

/** Holds the signed-in user and their `/api/me`, and gives every page the API client. */
export function SessionProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  const navigate = useNavigate();
  const userManager = useMemo(() => createUserManager(config), [config]);
  const tokenRef = useRef<string | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMe] = useState<MeInfo | undefined>();
  const [error, setError] = useState<unknown>();
  const [sessionEnded, setSessionEnded] = useState(false);

  const endSession = useCallback(() => {
    tokenRef.current = null;
    setMe(undefined);
    setStatus('signed-out');
    setSessionEnded(true);
    void userManager.removeUser();
  }, [userManager]);

  const api = useMemo(
    () =>
      endpoints(
        new ApiClient({
          base: config.apiBase,
          accessToken: () => tokenRef.current,
          onUnauthenticated: endSession,
        }),
      ),
    [config.apiBase, endSession],
  );

  const loadMe = useCallback(async () => {
    try {
      const who = await api.me();
      setMe(who);
      setError(undefined);
      setStatus('signed-in');
    } catch (cause) {
      if (tokenRef.current === null) return; // 401: endSession already ran
      setError(cause);
      setStatus('error');
    }
  }, [api]);

  useEffect(() => {
    // The callback page finishes sign-in itself.
    if (window.location.pathname === CALLBACK_PATH) return;
    let cancelled = false;
    void (async () => {
      const user = await userManager.getUser().catch(() => null);
      if (cancelled) return;
      if (!user || user.expired) {
        if (user) await userManager.removeUser();
        setStatus('signed-out');
        return;
      }
      tokenRef.current = user.access_token;
      await loadMe();
    })();
    return () => {
      cancelled = true;
    };
  }, [userManager, loadMe]);

  const signIn = useCallback(
    (returnTo?: string) => userManager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) } }),
    [userManager],
  );

  const completeSignIn = useCallback(async () => {
    const url = window.location.href;
    if (pendingCallback?.url !== url) {
      pendingCallback = { url, result: userManager.signinRedirectCallback(url) };
    }
    let user: User;
    try {
      user = await pendingCallback.result;
    } catch (error) {
      // Nobody was signed in by this visit; a user from an earlier sign-in is gone too.
      await userManager.removeUser();
      setStatus('signed-out');
      throw error;
    }
    tokenRef.current = user.access_token;
    setSessionEnded(false);
    await loadMe();
    return safeReturnTo((user.state as { returnTo?: unknown } | undefined)?.returnTo);
  }, [userManager, loadMe]);

  const signOut = useCallback(async () => {
    const endSessionEndpoint = await userManager.metadataService
      .getEndSessionEndpoint()
      .catch(() => undefined);
    if (endSessionEndpoint) {
      await userManager.signoutRedirect();
      return;
    }
    await userManager.removeUser();
    tokenRef.current = null;
    setMe(undefined);
    setStatus('signed-out');
    if (config.logoutUrl) {
      window.location.assign(config.logoutUrl);
      return;
    }
    navigate(SIGNED_OUT_PATH, { replace: true });
  }, [userManager, config.logoutUrl, navigate]);

  const session: Session = {
    config,
    userManager,
    api,
    status,
    me,
    error,
    sessionEnded,
    signIn,
    completeSignIn,
    signOut,
    refreshMe: loadMe,
  };
  return <SessionContext value={session}>{children}</SessionContext>;
}
