import { initAll } from 'govuk-frontend';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import type { MeInfo } from '../api/types.ts';
import { useSession } from '../auth/session-context.ts';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { PhaseBanner } from './PhaseBanner.tsx';
import { notePath } from './route-focus.ts';
import { type NavItem, ServiceNavigation } from './ServiceNavigation.tsx';
import { useOpenAlertCount } from './use-open-alerts.ts';

/** The case-record pages, for the roles that keep person-level records. */
const CASE_ITEMS: NavItem[] = [
  // The worklist is their home page: named in the menu too, so it is one click from anywhere.
  { to: '/', text: 'Worklist' },
  { to: '/caseload', text: 'Caseload' },
  { to: '/people/find', text: 'Find a person' },
  { to: '/people/new', text: 'Add a person' },
];

const REPORTS_ITEM: NavItem = { to: '/reports', text: 'Reports' };
const PARTNERSHIP_ITEM: NavItem = { to: '/partnership', text: 'Partnership' };
const AREAS_ITEM: NavItem = { to: '/areas', text: 'Areas' };
const MEMBERS_ITEM: NavItem = { to: '/members', text: 'Members' };
const CUSTODY_SUITES_ITEM: NavItem = { to: '/custody-suites', text: 'Custody suites' };
const FAILED_TO_ATTEND_ITEM: NavItem = { to: '/failed-to-attend', text: 'Failed to attend' };

/** "Alerts", with the number still open beside it once it is known and not zero. */
function alertsItem(open: number | undefined): NavItem {
  return {
    to: '/alerts',
    text: 'Alerts',
    badge: open ? { count: open, hiddenText: open === 1 ? 'open alert' : 'open alerts' } : undefined,
  };
}

/** Pages in the service navigation for each role. */
function navItems(me: MeInfo | undefined, openAlerts: number | undefined): NavItem[] {
  switch (me?.role) {
    case 'operator':
      return [{ to: '/admin/partnerships', text: 'Partnerships' }];
    case 'chair':
      return [REPORTS_ITEM, PARTNERSHIP_ITEM, AREAS_ITEM, CUSTODY_SUITES_ITEM, MEMBERS_ITEM];
    case 'manager':
      return [
        ...CASE_ITEMS,
        alertsItem(openAlerts),
        FAILED_TO_ATTEND_ITEM,
        REPORTS_ITEM,
        PARTNERSHIP_ITEM,
        AREAS_ITEM,
        MEMBERS_ITEM,
      ];
    case 'caseworker':
      return [...CASE_ITEMS, alertsItem(openAlerts), PARTNERSHIP_ITEM, AREAS_ITEM];
    case 'analyst':
      return [REPORTS_ITEM, PARTNERSHIP_ITEM, AREAS_ITEM];
    default:
      return [];
  }
}

/** The page template: skip link, header, service navigation, phase banner, main and footer. */
export function Layout() {
  const { me, status } = useSession();
  const location = useLocation();
  const openAlerts = useOpenAlertCount();
  const chromeRef = useRef<HTMLDivElement>(null);
  const signedInTo =
    status === 'signed-in' && me
      ? (me.partnership?.name ?? (me.role === 'operator' ? 'Service operator' : ''))
      : undefined;
  // The navigation is rebuilt when the role changes, so its menu button is set up again.
  const navKey = me?.role ?? 'none';

  // A layout effect, so it runs before the new page's heading decides whether to take focus.
  useLayoutEffect(() => {
    notePath(location.pathname);
  }, [location.pathname]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the navigation's DOM is new when navKey changes
  useEffect(() => {
    initAll({ scope: chromeRef.current, onError: () => undefined });
  }, [navKey]);

  return (
    <>
      <div ref={chromeRef}>
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        <header className="govuk-template__header">
          <Header />
          <ServiceNavigation key={navKey} items={navItems(me, openAlerts)} signedInTo={signedInTo} />
          <div className="govuk-width-container">
            <PhaseBanner />
          </div>
        </header>
      </div>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}
