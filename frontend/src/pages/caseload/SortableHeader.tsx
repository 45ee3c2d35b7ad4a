import { Link } from 'react-router-dom';

/**
 * A column heading that sorts the whole caseload by it: a link, so the order is in the address
 * and the server sorts every page, not just this one (its `th` carries `aria-sort`).
 */
export function SortableHeader({ text, href }: { text: string; href: string }) {
  return (
    <Link className="govuk-link govuk-link--no-visited-state continuity-sort-link" to={href}>
      {text}
    </Link>
  );
}
