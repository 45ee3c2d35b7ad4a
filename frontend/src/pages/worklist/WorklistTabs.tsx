import { Link } from 'react-router-dom';
import type { WorklistTab } from '../../api/types.ts';
import { WORKLIST_TABS } from '../../cases/release-values.ts';
import { TAB_NAMES, tabHref } from './worklist-tabs.ts';

/**
 * "My cases", "Unassigned" and "All", drawn as GOV.UK tabs but made of links, so each view has
 * its own address that can be shared and comes back with the browser's back button.
 */
export function WorklistTabs({ current, areaId }: { current: WorklistTab; areaId: string }) {
  return (
    <nav className="govuk-tabs continuity-link-tabs" aria-label="Which cases">
      <ul className="govuk-tabs__list">
        {WORKLIST_TABS.map((tab) => (
          <li
            key={tab}
            className={`govuk-tabs__list-item${tab === current ? ' govuk-tabs__list-item--selected' : ''}`}
          >
            <Link
              className="govuk-tabs__tab"
              to={tabHref(tab, areaId)}
              aria-current={tab === current ? 'page' : undefined}
            >
              {TAB_NAMES[tab]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
