import type { ReactNode } from 'react';

/** GOV.UK warning text: an exclamation icon and a bold warning. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/** A GOV.UK confirmation panel. */
export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title" tabIndex={-1}>
        {title}
      </h1>
      {children && <div className="govuk-panel__body">{children}</div>}
    </div>
  );
}
