import type { TimeToEngagementReport } from '../../api/types.ts';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { EngagementCurve } from './EngagementCurve.tsx';
import { formatCount, formatDays, formatRate } from './report-format.ts';

const median = (days: number | null) => (days === null ? 'Not available' : formatDays(days));

/** How fast people engage: the key medians, the cumulative curve, and its points in a table. */
export function TimeToEngagementSection({
  report,
  target,
}: {
  report: TimeToEngagementReport;
  target: number;
}) {
  const anyShare = report.curve.some((point) => point.share !== null);
  return (
    <>
      <h2 className="govuk-heading-m">Time to engagement</h2>
      <p className="govuk-body">
        How soon after release people started treatment, over those released in the period whose{' '}
        {report.windowDays}-day window has closed.
      </p>
      <SummaryList
        rows={[
          { key: 'People whose window has closed', value: formatCount(report.decided) },
          {
            key: 'Median days from release to first appointment',
            value: median(report.medianDaysToFirstAppointment),
          },
          {
            key: 'Median days from release to treatment start',
            value: median(report.medianDaysToTreatmentStart),
          },
        ]}
      />
      {anyShare ? (
        <>
          <EngagementCurve curve={report.curve} windowDays={report.windowDays} target={target} />
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Show the share for each day</span>
            </summary>
            <div className="govuk-details__text">
              <Table
                caption="Share started treatment by day after release"
                numeric={[0, 1, 2]}
                head={['Day after release', 'Started treatment by this day', 'Share']}
                rows={report.curve.map((point) => ({
                  key: String(point.day),
                  cells: [
                    String(point.day),
                    formatCount(point.engaged),
                    point.share === null ? 'Withheld' : formatRate(point.share),
                  ],
                }))}
              />
            </div>
          </details>
        </>
      ) : (
        <p className="govuk-body">
          {report.decided === 0
            ? 'No one released in this period has reached the end of their window yet.'
            : 'The shares are withheld because the numbers are small.'}
        </p>
      )}
    </>
  );
}
