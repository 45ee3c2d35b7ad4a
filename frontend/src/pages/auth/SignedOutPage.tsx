import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

/** `/signed-out`: where the identity provider sends the browser after sign-out. */
export function SignedOutPage() {
  usePageTitle('You have signed out');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>You have signed out</PageHeading>
        <p className="govuk-body">You have signed out of Continuity on this device.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in again
          </Link>
        </p>
      </div>
    </div>
  );
}
