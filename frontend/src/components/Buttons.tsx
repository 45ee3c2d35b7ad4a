import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** A form's submit button; `warning` for destructive actions. */
export function SubmitButton({
  children,
  warning,
  busy,
}: {
  children: ReactNode;
  warning?: boolean;
  busy?: boolean;
}) {
  return (
    <button
      type="submit"
      className={`govuk-button${warning ? ' govuk-button--warning' : ''}`}
      data-module="govuk-button"
      aria-disabled={busy ? 'true' : undefined}
    >
      {children}
    </button>
  );
}

/** A link styled as a button, e.g. "Add an area". */
export function ButtonLink({
  to,
  children,
  secondary,
}: {
  to: string;
  children: ReactNode;
  secondary?: boolean;
}) {
  return (
    <Link
      to={to}
      role="button"
      draggable={false}
      className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`}
      data-module="govuk-button"
    >
      {children}
    </Link>
  );
}

/** The GOV.UK start button. */
export function StartButton({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      role="button"
      draggable={false}
      className="govuk-button govuk-button--start"
      data-module="govuk-button"
    >
      {children}
      <svg
        className="govuk-button__start-icon"
        xmlns="http://www.w3.org/2000/svg"
        width="17.5"
        height="19"
        viewBox="0 0 33 40"
        aria-hidden="true"
        focusable="false"
      >
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </Link>
  );
}

/** A button and a "Cancel" link side by side. */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
