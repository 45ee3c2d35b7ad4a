import { Link } from 'react-router-dom';

/**
 * GOV.UK pagination with only a "Next page" link, for cursor-paged lists. `keep` holds the
 * list's other query parameters (its filters), which the cursor was issued for.
 */
export function NextPageLink({ cursor, keep }: { cursor?: string; keep?: URLSearchParams }) {
  if (!cursor) return null;
  const search = new URLSearchParams(keep);
  search.set('cursor', cursor);
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
      <div className="govuk-pagination__next">
        <Link className="govuk-link govuk-pagination__link" to={`?${search.toString()}`} rel="next">
          <svg
            className="govuk-pagination__icon govuk-pagination__icon--next"
            xmlns="http://www.w3.org/2000/svg"
            height="13"
            width="15"
            aria-hidden="true"
            focusable="false"
            viewBox="0 0 15 13"
          >
            <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
          </svg>
          <span className="govuk-pagination__link-title">Next page</span>
        </Link>
      </div>
    </nav>
  );
}
