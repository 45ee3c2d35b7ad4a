import type { ReactNode } from 'react';

/** A GOV.UK fieldset with a medium legend (small when `small`). */
export function Fieldset({
  legend,
  small,
  role,
  describedBy,
  children,
}: {
  legend: string;
  small?: boolean;
  /** `group` for a date input's boxes, so VoiceOver reads the legend with each box (as GOV.UK's does). */
  role?: 'group';
  describedBy?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy}>
      <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${small ? 's' : 'm'}`}>
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}
