import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  checkReleaseCsv,
  EXAMPLE_ROW,
  isExampleRow,
  RELEASE_COLUMNS,
  releaseTemplate,
} from '../../shared/imports/release-csv.ts';

const TODAY = '2026-12-02';
const AREAS = [{ id: 'area-north', name: 'Worcestershire', onsCode: 'E10000034' }];
const HEADER = RELEASE_COLUMNS.join(',');
const GOOD = 'Sam,Jones,1988-06-15,male,A1234BC,Worcestershire,opiate,HEI,2026-12-20';

describe('the release list template', () => {
  it('is refused by the checker, with one error that says to delete the example row', () => {
    // Prepare
    const template = releaseTemplate('Worcestershire', TODAY);
    // Act
    const checked = checkReleaseCsv(template, AREAS, TODAY);
    // Assess
    expect(checked.rows).toEqual([]);
    expect(checked.errorCount).toBe(1);
    expect(checked.errors[0]).toMatchObject({ row: 1, field: 'given_name' });
    expect(checked.errors[0]?.message).toMatch(/example row.*delete this row/);
  });

  it('marks its example row and gives it a prison number no one has, and an expected release ahead', () => {
    // Act
    const [header, example] = parse(releaseTemplate('Worcestershire', TODAY)) as string[][];
    // Assess
    expect(header).toEqual([...RELEASE_COLUMNS]);
    expect(example?.[0]).toBe('Example (delete this row)');
    expect(example?.[4]).toBe('A0000AA');
    expect(example?.[8]).toBe('2026-12-30');
  });

  it('writes an area named like a formula as plain text', () => {
    // Act
    const template = releaseTemplate('=HYPERLINK("http://x")', TODAY);
    // Assess
    const [, example] = parse(template) as string[][];
    expect(example?.[5]).toBe(`'=HYPERLINK("http://x")`);
    expect(template).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('checkReleaseCsv', () => {
  it('refuses the example row however it was retyped: by its marked name or its prison number', () => {
    // Prepare
    const csv = [
      HEADER,
      GOOD,
      'EXAMPLE (delete this row),Smith,1980-01-01,male,B1234CD,Worcestershire,opiate,HEI,2026-12-20',
      'Sam,Example,1988-06-15,male,a0000aa,Worcestershire,opiate,HEI,2026-12-20',
    ].join('\n');
    // Act
    const checked = checkReleaseCsv(csv, AREAS, TODAY);
    // Assess
    expect(checked.errors.map((error) => `${error.row}:${error.field}`)).toEqual([
      '2:given_name',
      '3:prison_number',
    ]);
    expect(checked.rows.map((row) => row.row)).toEqual([1]);
  });

  it('answers the rows that passed even when others did not (the file still fails)', () => {
    // Act
    const checked = checkReleaseCsv([HEADER, GOOD, 'Bad,Row,1980-01-01'].join('\n'), AREAS, TODAY);
    // Assess
    expect(checked.errorCount).toBe(1);
    expect(checked.rows.map((row) => row.prisonNumber)).toEqual(['A1234BC']);
  });

  it('quotes at most 40 characters of a bad cell back, so one huge cell cannot swell the record', () => {
    // Prepare
    const huge = 'x'.repeat(100_000);
    const csv = [HEADER, `Sam,Jones,1988-06-15,${huge},A1234BC,${huge},opiate,HEI,2026-12-20`].join('\n');
    // Act
    const checked = checkReleaseCsv(csv, AREAS, TODAY);
    // Assess
    expect(checked.errors.map((error) => error.field)).toEqual(['sex', 'area']);
    for (const error of checked.errors) expect(error.message.length).toBeLessThan(300);
  });
});

describe('isExampleRow', () => {
  it.each([
    ['Example (delete this row)', 'B1234CD', true],
    ['example delete this row', 'B1234CD', true],
    ['Sam', 'A 0000 AA', true],
    ['Sam', 'A1234BC', false],
  ])('%j with %j → %j', (given, prisonNumber, expected) => {
    expect(isExampleRow(given, prisonNumber)).toBe(expected);
  });

  it('matches the template’s own marks', () => {
    expect(isExampleRow(EXAMPLE_ROW.givenName, EXAMPLE_ROW.prisonNumber)).toBe(true);
  });
});
