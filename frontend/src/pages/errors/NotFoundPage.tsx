import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

/** Shown for an address the app does not have, or a record that does not exist. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>Page not found</PageHeading>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          If the page was a record, it may have been removed.{' '}
          <Link className="govuk-link" to="/">
            Go to the home page
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
