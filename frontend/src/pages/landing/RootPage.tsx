import { Navigate } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { Loading } from '../../components/Loading.tsx';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { StartPage } from '../start/StartPage.tsx';
import { HomePage } from './HomePage.tsx';

/** `/`: the start page when signed out, the role's home page when signed in. */
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
      return <HomePage me={session.me} />;
  }
}
