import { type ReactNode, useId } from 'react';

/**
 * A GOV.UK notification banner. `success` (after a save) is announced as an alert;
 * `important` is a labelled region.
 */
export function NotificationBanner({
  type = 'important',
  heading,
  children,
}: {
  type?: 'success' | 'important';
  heading: ReactNode;
  children?: ReactNode;
}) {
  const titleId = useId();
  const success = type === 'success';
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      {...(success ? { role: 'alert' } : { role: 'region', 'aria-labelledby': titleId })}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
