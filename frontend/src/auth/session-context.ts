import type { UserManager } from 'oidc-client-ts';
import { createContext, useContext } from 'react';
import type { Endpoints } from '../api/endpoints.ts';
import type { MeInfo } from '../api/types.ts';
import type { AppConfig } from '../config.ts';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'error';

/** Who is signed in, the API bound to their token, and the sign-in and sign-out actions. */
export interface Session {
  config: AppConfig;
  userManager: UserManager;
  api: Endpoints;
  status: SessionStatus;
  /** Set when status is `signed-in`. */
  me?: MeInfo;
  /** Set when status is `error`: the session could not be checked. */
  error?: unknown;
  /** True after the API refused the token: the user is told, not silently sent to sign in. */
  sessionEnded: boolean;
  /** Starts sign-in at the identity provider, coming back to `returnTo`. */
  signIn(returnTo?: string): Promise<void>;
  /** Finishes sign-in on the callback page; answers where to go next. */
  completeSignIn(): Promise<string>;
  /** Signs out here and, where it can, at the identity provider. */
  signOut(): Promise<void>;
  /** Re-reads `/api/me`, e.g. after the partnership's name changed. */
  refreshMe(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session; every page sits inside the SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider');
  return session;
}
