import type { ReactNode } from 'react';

/** A GOV.UK fieldset with a medium legend. */
export function Fieldset({
  legend,
  describedBy,
  children,
}: {
  legend: string;
  describedBy?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
      {children}
    </fieldset>
  );
}
