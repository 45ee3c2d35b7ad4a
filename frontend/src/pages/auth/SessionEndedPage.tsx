import { StartButton } from '../../components/Buttons.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

/** Shown after the API refused the session (expired, or access removed). */
export function SessionEndedPage({ returnTo }: { returnTo: string }) {
  usePageTitle('You need to sign in again');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>You need to sign in again</PageHeading>
        <p className="govuk-body">
          Your session has ended. This happens after a period without activity, or when your access was
          changed.
        </p>
        <StartButton to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>Sign in</StartButton>
      </div>
    </div>
  );
}
