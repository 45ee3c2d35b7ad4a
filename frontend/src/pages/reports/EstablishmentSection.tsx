import type { EstablishmentReport } from '../../api/types.ts';
import type { PrisonNamer } from '../../cases/registers.ts';
import { Table } from '../../components/Table.tsx';
import { formatCount, rateText } from './report-format.ts';

/** The rate by releasing prison, largest cohort first. */
export function EstablishmentSection({
  report,
  prisonName,
}: {
  report: EstablishmentReport;
  prisonName: PrisonNamer;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">By releasing prison</h2>
      {report.rows.length === 0 ? (
        <p className="govuk-body">No one on the continuity of care pathway was released in this period.</p>
      ) : (
        <Table
          caption="Continuity of care by releasing prison"
          numeric={[1, 2, 3, 4, 5]}
          head={['Prison', 'Cohort', 'Engaged', 'Pending', 'Exits', 'Rate']}
          rows={report.rows.map((row) => ({
            key: row.establishment,
            cells: [
              prisonText(row.establishment, prisonName),
              formatCount(row.cohort),
              formatCount(row.engaged),
              formatCount(row.pending),
              formatCount(row.exits),
              rateText(row.rate, [row.engaged, row.cohort, row.pending], row),
            ],
          }))}
        />
      )}
    </>
  );
}

/** A prison by name with its code beside it (analysts match the code to other returns), or "Not recorded" as it is. */
function prisonText(code: string, prisonName: PrisonNamer): string {
  const name = prisonName(code);
  return name === code ? code : `${name} (${code})`;
}
