import { Navigate } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { Loading } from '../../components/Loading.tsx';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { StartPage } from '../start/StartPage.tsx';
import { WorklistPage } from '../worklist/WorklistPage.tsx';
import { HomePage } from './HomePage.tsx';

/** `/`: the start page when signed out; signed in, the worklist for case staff, else the role's home page. */
export function RootPage() {
  const session = useSession();
  switch (session.status) {
    case 'loading':
      return <Loading />;
    case 'error':
      return <LoadFailed error={session.error} onRetry={() => void session.refreshMe()} />;
    case 'signed-out':
      return <StartPage sessionEnded={session.sessionEnded} />;
    case 'signed-in':
      if (!session.me) return <Loading />;
      if (session.me.role === 'operator') return <Navigate to="/admin/partnerships" replace />;
      // Case staff start from the cases that need them; the other roles from what they can do.
      if (session.me.role === 'caseworker' || session.me.role === 'manager') return <WorklistPage />;
      return <HomePage me={session.me} />;
  }
}
