import { ApiError } from '../../api/errors.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

/** Shown when the service cannot answer (network, 5xx, or a broken configuration). */
export function ProblemPage({ error, onRetry }: { error?: unknown; onRetry?: () => void }) {
  usePageTitle('Sorry, there is a problem with the service');
  const offline = error instanceof ApiError && error.status === 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>Sorry, there is a problem with the service</PageHeading>
        <p className="govuk-body">
          {offline
            ? 'The service could not be reached. Check your connection.'
            : 'Try again later. Nothing you had not already saved has been changed.'}
        </p>
        {onRetry && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
