import { ApiError } from '../../api/errors.ts';
import { ForbiddenPage } from './ForbiddenPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { ProblemPage } from './ProblemPage.tsx';

/** The page to show instead of one whose data could not be read. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError) {
    if (error.status === 401) return null; // the session has ended; RequireSignIn takes over
    if (error.status === 403) return <ForbiddenPage />;
    if (error.status === 404) return <NotFoundPage />;
  }
  return <ProblemPage error={error} onRetry={onRetry} />;
}
