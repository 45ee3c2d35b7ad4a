import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A "Change" link to the page that changes this row, named for screen readers by `hiddenText`. */
  change?: { to: string; hiddenText: string };
}

/**
 * A GOV.UK summary list of keys and values; rows with a "Change" link show it in their actions
 * column, and the others are marked as having none, as GOV.UK's template does.
 */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  const anyActions = rows.some((row) => row.change);
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div
          className={`govuk-summary-list__row${anyActions && !row.change ? ' govuk-summary-list__row--no-actions' : ''}`}
          key={row.key}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change && (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.change.to}>
                Change<span className="govuk-visually-hidden"> {row.change.hiddenText}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** A summary card: a titled summary list with an optional "Change" link in its header. */
export function SummaryCard({
  title,
  rows,
  change,
}: {
  title: string;
  rows: readonly SummaryRow[];
  change?: { to: string; hiddenText: string };
}) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{title}</h2>
        {change && (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={change.to}>
                Change<span className="govuk-visually-hidden"> {change.hiddenText}</span>
              </Link>
            </li>
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} />
      </div>
    </div>
  );
}
