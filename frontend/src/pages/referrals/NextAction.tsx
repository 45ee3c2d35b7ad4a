import { Link } from 'react-router-dom';
import type { CaseRecord } from '../../api/types.ts';
import { needsRebooking } from '../../cases/next-action.ts';
import { casePath } from './CaseActionPage.tsx';
import { NextDue } from './NextDue.tsx';

/** The address of the booking form with a first appointment chosen, for rebooking a missed one. */
export const rebookPath = (referralId: string): string =>
  `${casePath(referralId)}/appointments/new?kind=first`;

/**
 * What the case needs next, as the API says (`nextAction`, else the stored next due). After a
 * missed first appointment that is a new one, so the way to book it sits right beside it.
 */
export function NextAction({ record }: { record: CaseRecord }) {
  const next = record.nextAction;
  const rule = next?.rule ?? record.nextDueRule;
  return (
    <>
      <NextDue
        rule={rule}
        at={next?.dueAt ?? record.nextDueAt}
        overdue={next?.overdue}
        risks={record.riskFlags}
      />
      {needsRebooking(rule, record.riskFlags) && record.status !== 'closed' && (
        <>
          {' '}
          <Link className="govuk-link" to={rebookPath(record.id)}>
            Book it now
          </Link>
        </>
      )}
    </>
  );
}
