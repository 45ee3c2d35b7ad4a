import type { Area, ContinuityReport, ContinuityRow, ReportFilters } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { areaName } from '../../cases/my-areas.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { RateChart } from './RateChart.tsx';
import { formatCount, formatMonth, rateText } from './report-format.ts';

/** The two rates of a row as the table shows them. */
function rates(row: ContinuityRow) {
  return {
    rate: rateText(row.rate, [row.engaged, row.cohort, row.pending], row),
    adjusted: rateText(row.adjustedRate, [row.engaged, row.cohort, row.pending, row.exits], row),
  };
}

/** The rate by release month: the chart of the series chosen, then every row in a table, then the CSV. */
export function MonthlyRates({
  report,
  areas,
  areaId,
  wholeLabel,
  filters,
}: {
  report: ContinuityReport;
  areas: readonly Area[];
  /** The area chosen, or '' for the whole partnership (or a manager's areas). */
  areaId: string;
  wholeLabel: string;
  filters: ReportFilters;
}) {
  const { api } = useSession();
  const series = report.rows.filter((row) => row.areaId === (areaId || null));
  const seriesName = areaId ? areaName(areas, areaId) : wholeLabel;
  const nameOf = (row: ContinuityRow) => (row.areaId ? areaName(areas, row.areaId) : wholeLabel);
  const withheld = report.rows.some((row) => {
    const shown = rates(row);
    return shown.rate === 'Withheld' || shown.adjusted === 'Withheld';
  });
  return (
    <>
      <h2 className="govuk-heading-m">Rate by release month</h2>
      <RateChart
        rows={series}
        target={report.target}
        windowDays={report.windowDays}
        seriesName={seriesName}
      />
      <Table
        caption={`Continuity of care by release month, ${formatMonth(report.from)} to ${formatMonth(report.to)}`}
        showCaption
        numeric={[2, 3, 4, 5, 6, 7]}
        head={['Month', 'Area', 'Cohort', 'Engaged', 'Pending', 'Exits', 'Rate', 'Adjusted rate']}
        rows={report.rows.map((row) => {
          const shown = rates(row);
          return {
            key: `${row.month}-${row.areaId ?? 'all'}`,
            cells: [
              formatMonth(row.month),
              nameOf(row),
              formatCount(row.cohort),
              formatCount(row.engaged),
              formatCount(row.pending),
              formatCount(row.exits),
              shown.rate,
              shown.adjusted,
            ],
          };
        })}
      />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">What the columns mean</span>
        </summary>
        <div className="govuk-details__text">
          <SummaryList
            rows={[
              {
                key: 'Cohort',
                value: 'People on the continuity of care pathway released from prison in the month.',
              },
              {
                key: 'Engaged',
                value: `A treatment start recorded within ${report.windowDays} days of release (day 0 is the release date).`,
              },
              {
                key: 'Pending',
                value: `Still inside their ${report.windowDays}-day window and not yet engaged: left out of the rate until the window closes.`,
              },
              {
                key: 'Exits',
                value: 'Died, returned to custody or moved away within the window without engaging.',
              },
              { key: 'Rate', value: 'Engaged divided by the cohort less those pending.' },
              {
                key: 'Adjusted rate',
                value: 'Engaged divided by the cohort less those pending and the exits.',
              },
            ]}
          />
        </div>
      </details>
      {(report.suppressed || withheld) && (
        <p className="govuk-body-s" id="suppression-note">
          Small-number suppression: counts from 1 to 4 are shown as &ldquo;&lt;5&rdquo;, and a rate that such
          a count goes into is shown as &ldquo;Withheld&rdquo;, so that no one can be picked out of a small
          group. Managers see the exact figures for their areas.
        </p>
      )}
      <DownloadButton
        download={() => api.continuityReportCsv(filters)}
        filename={`continuity-of-care-${report.from}-to-${report.to}.csv`}
      >
        Download CSV
      </DownloadButton>
    </>
  );
}
