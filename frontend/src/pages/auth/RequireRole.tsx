import type { ReactNode } from 'react';
import type { Role } from '../../../../shared/domain/values.ts';
import { roleMayOpen } from '../../auth/roles.ts';
import { useSession } from '../../auth/session-context.ts';
import { ForbiddenPage } from '../errors/ForbiddenPage.tsx';

/** Shows `children` only to the roles allowed; the API checks the same, this spares a round trip. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me } = useSession();
  return roleMayOpen(me?.role, roles) ? children : <ForbiddenPage />;
}
