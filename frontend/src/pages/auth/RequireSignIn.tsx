import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { Loading } from '../../components/Loading.tsx';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { SessionEndedPage } from './SessionEndedPage.tsx';

/**
 * Wraps the pages that need a signed-in user. Someone who is not signed in is sent to sign
 * in and brought back here; someone whose session the API ended is told so first, so an
 * identity provider that keeps issuing refused tokens cannot cause a redirect loop.
 */
export function RequireSignIn() {
  const session = useSession();
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;
  const mustSignIn = session.status === 'signed-out' && !session.sessionEnded;

  const { signIn } = session;
  useEffect(() => {
    if (mustSignIn) void signIn(returnTo);
  }, [mustSignIn, signIn, returnTo]);

  switch (session.status) {
    case 'signed-in':
      return <Outlet />;
    case 'error':
      return <LoadFailed error={session.error} onRetry={() => void session.refreshMe()} />;
    case 'signed-out':
      return session.sessionEnded ? <SessionEndedPage returnTo={returnTo} /> : <Loading />;
    default:
      return <Loading />;
  }
}
