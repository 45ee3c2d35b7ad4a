import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

/** Shown for a page or record the user's role may not open (and for the API's 403). */
export function ForbiddenPage() {
  usePageTitle('You do not have access to this page');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>You do not have access to this page</PageHeading>
        <p className="govuk-body">Your role in the partnership does not let you see or change this.</p>
        <p className="govuk-body">
          If you think you need access, ask your partnership&rsquo;s chair to change your role or areas.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to the home page
          </Link>
        </p>
      </div>
    </div>
  );
}
