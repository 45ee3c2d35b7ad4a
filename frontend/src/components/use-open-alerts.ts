import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { PAGE_ROLES, roleMayOpen } from '../auth/roles.ts';
import { useSession } from '../auth/session-context.ts';

/**
 * How many open alerts the signed-in caseworker or manager has, for the navigation's badge.
 * Read again on every page change, so acting on an alert (or a new one) shows on the next page.
 */
export function useOpenAlertCount(): number | undefined {
  const { api, me, status } = useSession();
  const { pathname } = useLocation();
  const [open, setOpen] = useState<number>();
  const staff = status === 'signed-in' && roleMayOpen(me?.role, PAGE_ROLES.alerts);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again on every page change
  useEffect(() => {
    if (!staff) return;
    let current = true;
    api.alertCounts().then(
      (counts) => current && setOpen(counts.open),
      // The badge is a convenience: the page itself reports a failing service.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, staff, pathname]);
  return staff ? open : undefined;
}
