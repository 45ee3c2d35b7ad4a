import type { WorklistCounts } from '../../api/types.ts';

const FIGURES: readonly { key: keyof WorklistCounts; text: string }[] = [
  { key: 'releasingSoon', text: 'releasing in the next 7 days' },
  { key: 'firstDays', text: 'in their first 4 days after release' },
  { key: 'overdue', text: 'with an overdue action' },
  { key: 'openAlerts', text: 'open alerts' },
];

/** The four figures across the top of the worklist: what the team faces now. */
export function WorklistCountsRow({ counts }: { counts: WorklistCounts }) {
  return (
    <div className="govuk-grid-row">
      <h2 className="govuk-visually-hidden">At a glance</h2>
      {FIGURES.map(({ key, text }) => (
        <div className="govuk-grid-column-one-quarter" key={key}>
          <p className="govuk-body continuity-figure">
            <span className="govuk-heading-xl continuity-figure__number">
              {counts[key].toLocaleString('en-GB')}
            </span>{' '}
            {text}
          </p>
        </div>
      ))}
    </div>
  );
}
