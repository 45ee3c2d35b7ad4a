import { csvParseRows } from 'd3-dsv';
import { toCsv } from '../csv/write-csv.ts';
import { addDays, isCalendarDate } from '../domain/dates.ts';
import { nameKey } from '../domain/name-key.ts';
import { isValidNhsNumber } from '../domain/nhs-number.ts';
import { normalisePrisonNumber, PRISON_NUMBER } from '../domain/prison-number.ts';
import { SEXES, SUBSTANCE_GROUPS } from '../domain/values.ts';
import { findEstablishment } from '../reference/establishments.ts';
import type { Area } from '../schemas/area.ts';

/** The columns of a release list, as API.md names them. */
export const RELEASE_COLUMNS = [
  'given_name',
  'family_name',
  'date_of_birth',
  'sex',
  'prison_number',
  'area',
  'substance_group',
  'establishment',
  'expected_release_date',
] as const;
export type ReleaseColumn = (typeof RELEASE_COLUMNS)[number];

/** Most rows one file may hold: a burst day is tens of releases, a backlog a few thousand. */
export const MAX_ROWS = 10_000;
/** Most errors kept for one file; the count says how many there were. */
export const MAX_ERRORS_KEPT = 1_000;

/**
 * The template's example row: marked so that nobody can mistake it for a person, and refused by
 * the checker, so a template uploaded unchanged never matches (or adds) anyone. No real prison
 * number has four zeros.
 */
export const EXAMPLE_ROW = { givenName: 'Example (delete this row)', prisonNumber: 'A0000AA' } as const;

/** Longest piece of a cell quoted back in a message, so one huge cell cannot swell the import record. */
const QUOTED_MAX = 40;

/** A cell as a message quotes it: in quotes, cut short when long. */
const quoted = (value: string) => `"${value.length > QUOTED_MAX ? `${value.slice(0, QUOTED_MAX)}…` : value}"`;

/** A bad row of a file; `field` is the column's header as the template writes it. */
export interface ImportError {
  row: number;
  field: string;
  message: string;
}

/** A row that passed every check, ready to apply. */
export interface ReleaseRow {
  row: number;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: (typeof SEXES)[number];
  prisonNumber: string;
  areaId: string;
  substanceGroup: (typeof SUBSTANCE_GROUPS)[number];
  establishment: string;
  expectedReleaseOn: string;
}

export interface CheckedFile {
  /** The rows that passed every check (all of them only when `errorCount` is 0). */
  rows: ReleaseRow[];
  errors: ImportError[];
  errorCount: number;
  total: number;
}

/** Header names match without regard to case, spaces, hyphens or underscores. */
const headerKey = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');
const COLUMN_BY_KEY = new Map(RELEASE_COLUMNS.map((column) => [headerKey(column), column]));
const enumKey = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * The records of a CSV file (RFC 4180: quoted fields with commas, quotes and line breaks; LF or
 * CRLF), without a byte-order mark, each cell trimmed. A blank record (an empty line, or only
 * commas, as spreadsheets export) is an empty list, kept in place so that every later record
 * keeps its spreadsheet row number; blank records at the start and the end are dropped.
 */
export function readCsvRows(text: string): string[][] {
  const records = csvParseRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).map((record) => {
    const cells = record.map((cell) => cell.trim());
    return cells.some((cell) => cell !== '') ? cells : [];
  });
  while (records.length > 0 && records[records.length - 1]?.length === 0) records.pop();
  while (records.length > 0 && records[0]?.length === 0) records.shift();
  return records;
}

/** A date written YYYY-MM-DD or DD/MM/YYYY, as YYYY-MM-DD, or undefined. */
export function parseDate(value: string): string | undefined {
  const text = value.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = uk ? `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}` : text;
  return isCalendarDate(iso) ? iso : undefined;
}

const DATE_HELP = 'write it as YYYY-MM-DD or DD/MM/YYYY, such as 2026-03-14 or 14/03/2026';

/**
 * Reads and checks a release list in full before anything is written: a byte-order mark, CRLF,
 * quoted fields with commas and blank lines are all fine; every bad row is reported with its
 * column and how to fix it. Areas are matched by name or ONS code among `areas` (the uploader's).
 */
export function checkReleaseCsv(
  text: string,
  areas: readonly Pick<Area, 'id' | 'name' | 'onsCode'>[],
  today: string,
): CheckedFile {
  const errors: ImportError[] = [];
  let errorCount = 0;
  const fail = (row: number, field: string, message: string) => {
    errorCount += 1;
    if (errors.length < MAX_ERRORS_KEPT) errors.push({ row, field, message });
  };
  const records = readCsvRows(text);
  const [header, ...data] = records;
  // Blank records keep their place (row numbers stay the spreadsheet's) but are not rows.
  const total = data.filter((record) => record.length > 0).length;
  if (!header) {
    fail(0, 'file', `is empty: start with a header line naming the columns ${RELEASE_COLUMNS.join(', ')}`);
    return { rows: [], errors, errorCount, total: 0 };
  }
  const positions = new Map<ReleaseColumn, number>();
  header.forEach((name, index) => {
    const column = COLUMN_BY_KEY.get(headerKey(name));
    if (!column)
      fail(
        0,
        name.slice(0, QUOTED_MAX) || `column ${index + 1}`,
        `is not a column this import knows: use ${RELEASE_COLUMNS.join(', ')}`,
      );
    else if (positions.has(column)) fail(0, column, 'appears twice in the header: keep one');
    else positions.set(column, index);
  });
  for (const column of RELEASE_COLUMNS) {
    if (!positions.has(column)) fail(0, column, 'is missing from the header: add this column');
  }
  if (total > MAX_ROWS) fail(0, 'file', `has ${total} rows: split it into files of at most ${MAX_ROWS}`);
  if (errorCount > 0) return { rows: [], errors, errorCount, total };

  const areaByKey = new Map<string, string>();
  for (const area of areas) {
    areaByKey.set(area.name.trim().toLowerCase(), area.id);
    areaByKey.set(area.onsCode.toLowerCase(), area.id);
  }
  const seen = new Map<string, number>();
  const rows: ReleaseRow[] = [];
  data.forEach((record, index) => {
    if (record.length === 0) return;
    const row = index + 1;
    const before = errorCount;
    if (record.length !== header.length) {
      fail(
        row,
        'row',
        `has ${record.length} fields but the header has ${header.length}: check for a missing or extra comma`,
      );
      return;
    }
    const cell = (column: ReleaseColumn) => record[positions.get(column) as number] ?? '';
    // Said once, instead of the example's other cells: the fix is to delete the row, not to correct it.
    if (isExampleRow(cell('given_name'), cell('prison_number'))) {
      const field =
        nameKey(cell('given_name')) === nameKey(EXAMPLE_ROW.givenName) ? 'given_name' : 'prison_number';
      fail(
        row,
        field,
        'This is the template’s example row, not a person: delete this row and list the people you expect to be released',
      );
      return;
    }
    const required = (column: ReleaseColumn) => {
      const value = cell(column);
      if (!value) fail(row, column, 'is empty: fill it in');
      return value;
    };
    const name = (column: ReleaseColumn) => {
      const value = required(column);
      if (value.length > 60) fail(row, column, 'is longer than 60 characters: shorten it');
      return value;
    };
    const givenName = name('given_name');
    const familyName = name('family_name');
    const dateOfBirth = parseDate(required('date_of_birth'));
    if (cell('date_of_birth') && (!dateOfBirth || dateOfBirth >= today)) {
      fail(
        row,
        'date_of_birth',
        `is not a date of birth in the past, got ${quoted(cell('date_of_birth'))}: ${DATE_HELP}`,
      );
    }
    const sex = enumKey(required('sex')) as ReleaseRow['sex'];
    if (cell('sex') && !SEXES.includes(sex))
      fail(row, 'sex', `must be one of ${SEXES.join(', ')}, got ${quoted(cell('sex'))}`);
    const prisonNumber = normalisePrisonNumber(required('prison_number'));
    if (cell('prison_number')) {
      if (!PRISON_NUMBER.test(prisonNumber)) {
        // An NHS number in this column is a common slip; say so plainly.
        const hint = isValidNhsNumber(prisonNumber) ? ' (this looks like an NHS number)' : '';
        fail(
          row,
          'prison_number',
          `must be a letter, 4 digits and 2 letters like A1234BC, got ${quoted(cell('prison_number'))}${hint}`,
        );
      } else if (seen.has(prisonNumber)) {
        fail(
          row,
          'prison_number',
          `${prisonNumber} is already on row ${seen.get(prisonNumber)}: list each person once`,
        );
      } else seen.set(prisonNumber, row);
    }
    const areaId = areaByKey.get(required('area').toLowerCase());
    if (cell('area') && !areaId) {
      fail(
        row,
        'area',
        `${quoted(cell('area'))} is not one of your areas: use its name or ONS code (${areas
          .map((a) => a.name)
          .join(', ')
          .slice(0, 160)})`,
      );
    }
    const substanceGroup = enumKey(required('substance_group')).replace(
      /_only$/,
      '',
    ) as ReleaseRow['substanceGroup'];
    if (cell('substance_group') && !SUBSTANCE_GROUPS.includes(substanceGroup)) {
      fail(
        row,
        'substance_group',
        `must be one of ${SUBSTANCE_GROUPS.join(', ')}, got ${quoted(cell('substance_group'))}`,
      );
    }
    // A code or a name, as release lists write it ("HEI", "HMP Hewell", "Hewell (HMP)"); the code is kept.
    const typed = required('establishment');
    const establishment = findEstablishment(typed)?.code ?? typed;
    if (cell('establishment') && !findEstablishment(typed)) {
      fail(
        row,
        'establishment',
        `is not a prison of England and Wales in the register: give its code (like HEI) or its name (like HMP Hewell), got ${quoted(cell('establishment'))}`,
      );
    }
    const expectedReleaseOn = parseDate(required('expected_release_date'));
    if (cell('expected_release_date')) {
      if (!expectedReleaseOn)
        fail(
          row,
          'expected_release_date',
          `is not a date, got ${quoted(cell('expected_release_date'))}: ${DATE_HELP}`,
        );
      else if (expectedReleaseOn < addDays(today, -90) || expectedReleaseOn > addDays(today, 366)) {
        fail(
          row,
          'expected_release_date',
          `must be within 90 days before and a year after today, got ${expectedReleaseOn}`,
        );
      }
    }
    if (errorCount === before) {
      rows.push({
        row,
        givenName,
        familyName,
        dateOfBirth: dateOfBirth as string,
        sex,
        prisonNumber,
        areaId: areaId as string,
        substanceGroup,
        establishment,
        expectedReleaseOn: expectedReleaseOn as string,
      });
    }
  });
  return { rows, errors, errorCount, total };
}

/** True for the template's example row, however its marked given name or prison number was retyped. */
export function isExampleRow(givenName: string, prisonNumber: string): boolean {
  return (
    nameKey(givenName) === nameKey(EXAMPLE_ROW.givenName) ||
    normalisePrisonNumber(prisonNumber) === EXAMPLE_ROW.prisonNumber
  );
}

/**
 * The template offered on the import page: the header and one example row, marked as the example
 * (the checker refuses it), naming `exampleArea` and a release four weeks after `today`. Written by
 * the one CSV writer, so an area named like a formula reaches the spreadsheet as plain text.
 */
export function releaseTemplate(exampleArea: string, today: string): string {
  return toCsv(RELEASE_COLUMNS, [
    [
      EXAMPLE_ROW.givenName,
      'Example',
      '1988-06-15',
      'male',
      EXAMPLE_ROW.prisonNumber,
      exampleArea,
      'opiate',
      'HEI',
      addDays(today, 28),
    ],
  ]);
}
