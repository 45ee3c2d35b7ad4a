import type { PathwayReport, PathwayRow } from '../../api/types.ts';
import { labelFor, PATHWAY_LABELS } from '../../cases/labels.ts';
import { Table } from '../../components/Table.tsx';
import { anyHidden, formatCount, formatRate } from './report-format.ts';

/** The six-month measure of a row, in words: the share and what it is out of. */
function withoutFurtherOffence(row: PathwayRow): string {
  const measure = row.reoffending;
  if (!measure) return 'Not measured';
  if (measure.share !== null) {
    return `${formatRate(measure.share)} (${formatCount(measure.withoutFurtherOffence)} of ${formatCount(measure.decided)})`;
  }
  if (anyHidden(measure.decided, measure.withoutFurtherOffence)) return 'Withheld';
  return 'Not yet known';
}

/** Referrals, engagement and the six-month reoffending measure on the pathways other than prison release. */
export function PathwaySection({ report }: { report: PathwayReport }) {
  return (
    <>
      <h2 className="govuk-heading-m">Other pathways</h2>
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
                withoutFurtherOffence(row),
              ],
            }))}
          />
          <p className="govuk-body-s">
            No further offence within six months is measured for DIVERT and arrest referral: the share of
            people referred at least six months ago, or who have offended since, with no further offence
            recorded within six months of their referral. &ldquo;Not yet known&rdquo;: everyone was referred
            less than six months ago.
          </p>
        </>
      )}
    </>
  );
}
