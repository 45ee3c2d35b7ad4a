import type { PathwayReport, PathwayRow, PublishedCount } from '../../api/types.ts';
import { labelFor, PATHWAY_LABELS } from '../../cases/labels.ts';
import { Table } from '../../components/Table.tsx';
import { anyHidden, formatCount, formatRate } from './report-format.ts';

type Reoffending = NonNullable<PathwayRow['reoffending']>;

/** The six-month measure, in words: the share and what it is out of. */
function withoutFurtherOffence(measure: Reoffending | undefined): string {
  if (!measure) return 'Not measured';
  if (measure.share !== null) {
    return `${formatRate(measure.share)} (${formatCount(measure.withoutFurtherOffence)} of ${formatCount(measure.decided)})`;
  }
  if (anyHidden(measure.decided, measure.withoutFurtherOffence)) return 'Withheld';
  return 'Not yet known';
}

/** Each pathway's own measures, in the order the table lists them. */
const OWN_MEASURES: readonly { key: keyof PathwayRow; label: string }[] = [
  { key: 'assessed', label: 'Attended a required assessment' },
  { key: 'failedToAttend', label: 'Closed as failed to attend a required assessment' },
  { key: 'completedProgramme', label: 'Closed as completed the programme' },
  { key: 'failedToEngage', label: 'Closed as failed to engage' },
  { key: 'reviewsToCome', label: 'Court reviews still to come' },
];

/** The rows of the pathways' own measures: one per measure a pathway reports. */
function ownMeasureRows(rows: readonly PathwayRow[]) {
  return rows.flatMap((row) => {
    const pathway = labelFor(PATHWAY_LABELS, row.pathway);
    const counts = OWN_MEASURES.flatMap(({ key, label }) => {
      const value = row[key] as PublishedCount | undefined;
      return value === undefined
        ? []
        : [{ key: `${row.pathway}-${key}`, cells: [pathway, label, formatCount(value)] }];
    });
    const engaged = row.reoffendingEngaged
      ? [
          {
            key: `${row.pathway}-reoffendingEngaged`,
            cells: [
              pathway,
              row.pathway === 'divert'
                ? 'No further offence within six months, among those who attended a session'
                : 'No further offence within six months, among those who started treatment',
              withoutFurtherOffence(row.reoffendingEngaged),
            ],
          },
        ]
      : [];
    return [...counts, ...engaged];
  });
}

/**
 * Referrals, engagement and the six-month reoffending measure on the pathways other than prison
 * release; each pathway's own measures; and the referrals by custody suite.
 */
export function PathwaySection({
  report,
  suiteName,
}: {
  report: PathwayReport;
  /** The custody suite the tables are filtered to, if any. */
  suiteName?: string;
}) {
  const own = ownMeasureRows(report.rows);
  return (
    <>
      <h2 className="govuk-heading-m">Other pathways</h2>
      {suiteName && <p className="govuk-body">Referrals from {suiteName} only.</p>}
      {report.rows.length === 0 ? (
        <p className="govuk-body">There were no referrals to other pathways in this period.</p>
      ) : (
        <>
          <Table
            caption="Other pathways"
            numeric={[1, 2]}
            head={['Pathway', 'Referrals', 'Engaged', 'No further offence within six months']}
            rows={report.rows.map((row) => ({
              key: row.pathway,
              cells: [
                labelFor(PATHWAY_LABELS, row.pathway),
                formatCount(row.referrals),
                formatCount(row.engaged),
                withoutFurtherOffence(row.reoffending),
              ],
            }))}
          />
          <p className="govuk-body">
            Engaged on DIVERT means a session attended; on the other pathways, a treatment start recorded. No
            further offence within six months is measured for DIVERT and arrest referral: the share of people
            referred at least six months ago, or who have offended since, with no further offence recorded
            within six months of their referral. &ldquo;Not yet known&rdquo;: everyone was referred less than
            six months ago.
          </p>
          {own.length > 0 && (
            <>
              <h3 className="govuk-heading-s">Each pathway&rsquo;s own measures</h3>
              <Table
                caption="Each pathway’s own measures"
                numeric={[2]}
                head={['Pathway', 'Measure', 'Cases']}
                rows={own}
              />
            </>
          )}
        </>
      )}
      <h3 className="govuk-heading-s">By custody suite</h3>
      {report.bySuite.length === 0 ? (
        <p className="govuk-body">No referrals in this period named a custody suite.</p>
      ) : (
        <Table
          caption="Other pathways by custody suite"
          numeric={[2, 3, 4]}
          head={['Custody suite', 'Pathway', 'Referrals', 'Engaged', 'Share engaged']}
          rows={[...report.bySuite]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((row) => ({
              key: `${row.custodySuiteId}-${row.pathway}`,
              cells: [
                row.name,
                labelFor(PATHWAY_LABELS, row.pathway),
                formatCount(row.referrals),
                formatCount(row.engaged),
                row.share !== null
                  ? formatRate(row.share)
                  : anyHidden(row.referrals, row.engaged)
                    ? 'Withheld'
                    : 'No rate',
              ],
            }))}
        />
      )}
    </>
  );
}
