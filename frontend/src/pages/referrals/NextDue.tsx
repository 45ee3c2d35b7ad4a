import type { RiskFlag } from '../../../../shared/domain/worklist.ts';
import { nextActionText } from '../../cases/next-action.ts';
import { Tag } from '../../components/Tag.tsx';
import { formatDateTime } from '../../format/dates.ts';

/** The next action a case needs and when it falls due, with a red "Overdue" tag once it has passed (as the API says, when it says). */
export function NextDue({
  rule,
  at,
  overdue,
  risks = [],
}: {
  rule?: string;
  at?: string;
  overdue?: boolean;
  /** The case's risks: a missed first appointment turns its rule into booking a new one. */
  risks?: readonly RiskFlag[];
}) {
  if (!rule || !at) return <>Nothing due</>;
  const late = overdue ?? new Date(at).getTime() <= Date.now();
  return (
    <>
      {late && (
        <>
          <Tag colour="red">Overdue</Tag>{' '}
        </>
      )}
      {nextActionText(rule, risks)} by {formatDateTime(at)}
    </>
  );
}
