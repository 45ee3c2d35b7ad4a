import { useSession } from '../../auth/session-context.ts';
import { Loading } from '../../components/Loading.tsx';
import { HomePage } from './HomePage.tsx';

/** `/menu`: every page the role may open, with what it is for (the home page of the roles without a worklist). */
export function MenuPage() {
  const { me } = useSession();
  return me ? <HomePage me={me} /> : <Loading />;
}
