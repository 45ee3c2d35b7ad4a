import type { CaseRecord, ReleasePlan } from '../../api/types.ts';
import { labelFor } from '../../cases/labels.ts';
import { ACCOMMODATION_LABELS, answerText, PLAN_ANSWER_LABELS } from '../../cases/release-labels.ts';
import { PLAN_ANSWERS } from '../../cases/release-values.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { SummaryCard, type SummaryRow } from '../../components/SummaryList.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { casePath } from './CaseActionPage.tsx';

/** The address of a case's release plan form. */
export const releasePlanPath = (referralId: string): string => `${casePath(referralId)}/release-plan`;

/** A prison case's release plan, with its own "Change" link; or the button to make one. */
export function ReleasePlanSection({ record }: { record: CaseRecord }) {
  const plan = record.releasePlan;
  const open = record.status !== 'closed';
  if (!plan) {
    return (
      <>
        <h2 className="govuk-heading-m">Release plan</h2>
        <p className="govuk-body">No release plan has been made yet.</p>
        {open && (
          <ButtonLink to={releasePlanPath(record.id)} secondary>
            Plan the release
          </ButtonLink>
        )}
      </>
    );
  }
  return (
    <SummaryCard
      title="Release plan"
      rows={planRows(plan)}
      change={open ? { to: releasePlanPath(record.id), hiddenText: 'release plan' } : undefined}
    />
  );
}

function planRows(plan: ReleasePlan): SummaryRow[] {
  return [
    { key: 'Accommodation', value: labelFor(ACCOMMODATION_LABELS, plan.accommodation) },
    ...PLAN_ANSWERS.map((field) => ({ key: PLAN_ANSWER_LABELS[field], value: answerText(plan[field]) })),
    {
      key: 'Probation practitioner',
      value: plan.probationPractitioner
        ? `${plan.probationPractitioner.name}, ${plan.probationPractitioner.email}`
        : 'Not known',
    },
    ...(plan.notes
      ? [{ key: 'Notes', value: <span className="continuity-pre-line">{plan.notes}</span> }]
      : []),
    { key: 'Last changed', value: `${formatDateTime(plan.updatedAt)} by ${plan.updatedBy.name}` },
  ];
}
