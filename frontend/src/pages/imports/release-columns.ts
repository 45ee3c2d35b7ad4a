import { SEXES, SUBSTANCE_GROUPS } from '../../../../shared/domain/values.ts';

/** A column of the release list and what to write in it (API.md "Release list import"). */
export interface ReleaseColumn {
  name: string;
  what: string;
}

const oneOf = (values: readonly string[]) =>
  `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;

/** The columns in the template's order, for a manager whose areas are `areaExamples`. */
export function releaseColumns(areaExamples: readonly { name: string; onsCode: string }[]): ReleaseColumn[] {
  const example = areaExamples[0];
  return [
    { name: 'given_name', what: 'The person’s given name, up to 60 characters.' },
    { name: 'family_name', what: 'The person’s family name, up to 60 characters.' },
    {
      name: 'date_of_birth',
      what: 'The date of birth, written YYYY-MM-DD or DD/MM/YYYY, such as 1988-06-15 or 15/06/1988.',
    },
    { name: 'sex', what: `One of ${oneOf(SEXES)}.` },
    {
      name: 'prison_number',
      what: 'The NOMIS prison number: a letter, 4 digits and 2 letters, such as A1234BC. List each person once.',
    },
    {
      name: 'area',
      what: example
        ? `The name or ONS code of one of your areas, such as ${example.name} or ${example.onsCode}.`
        : 'The name or ONS code of one of your areas.',
    },
    { name: 'substance_group', what: `One of ${oneOf(SUBSTANCE_GROUPS)}.` },
    {
      name: 'establishment',
      what: 'The releasing prison: its name or 3-letter code, such as HMP Hewell or HEI.',
    },
    {
      name: 'expected_release_date',
      what: 'The expected release date, written like the date of birth; from 90 days ago to a year ahead.',
    },
  ];
}

/** A problem's column as words: `date_of_birth` → "Date of birth". */
export function columnWords(column: string): string {
  const words = column.replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One problem of a failed import as a sentence. The API's messages read on from the column's
 * name ("is empty: fill it in"), or stand alone when they start with the bad value.
 */
export function problemText(problem: { row: number; field: string; message: string }): string {
  // A message that points at another row ("already on row 1") counts as the API does: say the
  // spreadsheet's row, as everything else on the page does.
  const message = problem.message
    .trim()
    .replace(/\bon row (\d+)\b/g, (_, row: string) => `on row ${sheetRow(Number(row))}`);
  if (!/^(is|must|has|appears|does)\b/.test(message))
    return message.charAt(0).toUpperCase() + message.slice(1);
  if (problem.field === 'file') return `The file ${message}`;
  if (problem.row === 0) return `The column “${problem.field}” ${message}`;
  return `${columnWords(problem.field)} ${message}`;
}

/**
 * The spreadsheet's row of an API row: the API counts from 1 for the first line after the header,
 * a spreadsheet from 1 for the header itself. Every "Row N" on the import pages is this.
 */
export const sheetRow = (row: number): number => row + 1;

/** Where a problem is, as the import pages say it: "Row 3", "Row 1 (the header)" or "Whole file". */
export function problemPlace(problem: { row: number; field: string }): string {
  if (problem.row > 0) return `Row ${sheetRow(problem.row).toLocaleString('en-GB')}`;
  return problem.field === 'file' ? 'Whole file' : 'Row 1 (the header)';
}
