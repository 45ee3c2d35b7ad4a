import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

/** `/auth/callback`: finishes sign-in, then returns to the page the user was on. */
export function CallbackPage() {
  const { completeSignIn } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  usePageTitle(failed ? 'Sign-in did not work' : 'Signing you in');

  useEffect(() => {
    completeSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      () => setFailed(true),
    );
  }, [completeSignIn, navigate]);

  if (!failed) return <PageHeading>Signing you in</PageHeading>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>Sign-in did not work</PageHeading>
        <p className="govuk-body">
          The sign-in could not be completed. It may have taken too long, or the page was opened twice.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Try signing in again
          </Link>
        </p>
      </div>
    </div>
  );
}
