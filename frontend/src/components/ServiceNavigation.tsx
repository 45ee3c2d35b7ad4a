import { Link, useLocation } from 'react-router-dom';

export interface NavItem {
  to: string;
  text: string;
  /** A count beside the text (open alerts), with words for screen readers after it. */
  badge?: { count: number; hiddenText: string };
}

/**
 * GOV.UK service navigation: the service name, the pages the user's role may open, who they
 * are signed in as (their partnership) and "Sign out".
 */
export function ServiceNavigation({ items, signedInTo }: { items: readonly NavItem[]; signedInTo?: string }) {
  const { pathname } = useLocation();
  const signedIn = signedInTo !== undefined;
  const links: NavItem[] = signedIn ? [...items, { to: '/sign-out', text: 'Sign out' }] : [];
  return (
    <section
      aria-label="Service information"
      className="govuk-service-navigation"
      data-module="govuk-service-navigation"
    >
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to="/" className="govuk-service-navigation__link">
              Continuity
            </Link>
          </span>
          {links.length > 0 && (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: hidden until GOV.UK's script shows it on small screens */}
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls="navigation"
                hidden
                aria-hidden="true"
              >
                Menu
              </button>
              <ul className="govuk-service-navigation__list" id="navigation">
                {links.map((item) => {
                  const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
                  return (
                    <li
                      key={item.to}
                      className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                    >
                      <Link
                        className="govuk-service-navigation__link"
                        to={item.to}
                        aria-current={active ? (pathname === item.to ? 'page' : 'true') : undefined}
                      >
                        {active ? (
                          <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                        ) : (
                          item.text
                        )}
                        {item.badge && (
                          <>
                            {' '}
                            <span className="govuk-tag govuk-tag--red continuity-nav-badge">
                              {item.badge.count.toLocaleString('en-GB')}
                              <span className="govuk-visually-hidden"> {item.badge.hiddenText}</span>
                            </span>
                          </>
                        )}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
        </div>
        {signedIn && (
          <p className="govuk-body-s continuity-signed-in-to">
            <span className="govuk-visually-hidden">Signed in to </span>
            {signedInTo}
          </p>
        )}
      </div>
    </section>
  );
}
