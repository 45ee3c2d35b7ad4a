import { Link } from 'react-router-dom';
import type { ImportRecord } from '../../api/types.ts';
import { Table } from '../../components/Table.tsx';
import { formatDate } from '../../format/dates.ts';
import { sheetRow } from './release-columns.ts';

const count = (value: number) => value.toLocaleString('en-GB');
const dates = (value: number) => `${count(value)} expected release ${value === 1 ? 'date' : 'dates'}`;

/** How many open cases' expected release dates the list changed, as a sentence (none when it changed none). */
export function updatedText(record: ImportRecord, applied: boolean): string | undefined {
  const updated = record.updated ?? 0;
  if (updated === 0) return undefined;
  return `${dates(updated)} of open cases ${applied ? (updated === 1 ? 'was' : 'were') : 'would be'} changed`;
}

/** The open cases whose expected release date the list changed: each case, its row, the old and new date. */
export function ExpectedDateUpdates({ record }: { record: ImportRecord }) {
  const updates = record.updates ?? [];
  if (updates.length === 0) return null;
  const updated = record.updated ?? updates.length;
  return (
    <>
      {updates.length < updated && (
        <p className="govuk-body">
          The first {count(updates.length)} of the {dates(updated)} changed are listed.
        </p>
      )}
      <Table
        caption="Expected release dates changed on open cases"
        showCaption
        head={['Row', 'Case', 'Was', 'Now']}
        rows={updates.map((update) => ({
          key: `${update.row}-${update.referralId}`,
          cells: [
            count(sheetRow(update.row)),
            <Link
              className="govuk-link continuity-nowrap"
              key="case"
              to={`/referrals/${encodeURIComponent(update.referralId)}`}
            >
              {update.reference}
            </Link>,
            update.from ? formatDate(update.from) : 'Not known',
            formatDate(update.to),
          ],
        }))}
      />
    </>
  );
}
