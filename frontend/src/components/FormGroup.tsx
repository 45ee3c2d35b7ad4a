import type { ReactNode } from 'react';

/** A `govuk-form-group`, red-lined when it holds an error. */
export function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>{children}</div>;
}

/** The field's error message, with the visually hidden "Error:" prefix screen readers announce. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

/** A hint under a label or legend. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

/** Joins the ids of whichever hint and error are shown, for `aria-describedby`. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(' ') : undefined;
}
