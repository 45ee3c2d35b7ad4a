import { Link } from 'react-router-dom';
import type { AnyAlert } from '../../api/types.ts';
import { ALERT_RULE_NAMES, ALERT_STATUS_COLOURS, ALERT_STATUS_LABELS, labelFor } from '../../cases/labels.ts';
import { Tag } from '../../components/Tag.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDateTime, readableDates } from '../../format/dates.ts';

/** An alert rule's plain-English name, e.g. "No first appointment booked". */
export const alertName = (rule: string): string => labelFor(ALERT_RULE_NAMES, rule);

/** The address of an alert's acknowledge or resolve page, coming back to `next` afterwards. */
export function alertActionPath(
  alert: Pick<AnyAlert, 'id'>,
  action: 'acknowledge' | 'resolve',
  next: string,
) {
  return `/alerts/${encodeURIComponent(alert.id)}/${action}?${new URLSearchParams({ next }).toString()}`;
}

/** An alert's status as a tag. */
export function AlertStatusTag({ status }: { status: string }) {
  return <Tag colour={ALERT_STATUS_COLOURS[status]}>{labelFor(ALERT_STATUS_LABELS, status)}</Tag>;
}

/** Who acknowledged or resolved the alert and when, and the note they left. */
export function AlertHistory({ alert }: { alert: AnyAlert }) {
  const steps = [
    alert.acknowledgedAt &&
      `Acknowledged${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy.name}` : ''} on ${formatDateTime(alert.acknowledgedAt)}`,
    alert.resolvedAt &&
      `Resolved${alert.resolvedBy ? ` by ${alert.resolvedBy.name}` : ''} on ${formatDateTime(alert.resolvedAt)}`,
  ].filter((step): step is string => Boolean(step));
  if (steps.length === 0 && !alert.note) return null;
  return (
    <span className="govuk-body-s continuity-alert-history">
      {steps.join('. ')}
      {alert.note && (
        <>
          {steps.length > 0 ? '. ' : ''}Note: {readableDates(alert.note)}
        </>
      )}
    </span>
  );
}

/** "Acknowledge" (while open) and "Resolve" (until resolved) links, naming the alert for screen readers. */
export function AlertActionLinks({ alert, next }: { alert: AnyAlert; next: string }) {
  const actions = [
    alert.status === 'open' && { action: 'acknowledge' as const, text: 'Acknowledge' },
    alert.status !== 'resolved' && { action: 'resolve' as const, text: 'Resolve' },
  ].filter((action): action is { action: 'acknowledge' | 'resolve'; text: string } => Boolean(action));
  if (actions.length === 0) return null;
  return (
    <ul className="govuk-summary-list__actions-list">
      {actions.map(({ action, text }) => (
        <li className="govuk-summary-list__actions-list-item" key={action}>
          <Link className="govuk-link" to={alertActionPath(alert, action, next)}>
            {text}
            <VisuallyHidden> alert: {alertName(alert.rule).toLowerCase()}</VisuallyHidden>
          </Link>
        </li>
      ))}
    </ul>
  );
}
