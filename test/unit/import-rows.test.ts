import { describe, expect, it } from 'vitest';
import { problemPlace, problemText, sheetRow } from '../../frontend/src/pages/imports/release-columns.ts';

describe('the import pages’ row numbers', () => {
  it('are the spreadsheet’s: the API’s row 1 is the line after the header, row 2 of the sheet', () => {
    expect(sheetRow(1)).toBe(2);
    expect(problemPlace({ row: 1, field: 'sex' })).toBe('Row 2');
    expect(problemPlace({ row: 9999, field: 'sex' })).toBe('Row 10,000');
  });

  it('say where a problem of the header or of the whole file is', () => {
    expect(problemPlace({ row: 0, field: 'prison_number' })).toBe('Row 1 (the header)');
    expect(problemPlace({ row: 0, field: 'file' })).toBe('Whole file');
  });

  it('are the spreadsheet’s inside a message too', () => {
    // Act
    const text = problemText({
      row: 4,
      field: 'prison_number',
      message: 'F2001AB is already on row 1: list each person once',
    });
    // Assess
    expect(text).toBe('F2001AB is already on row 2: list each person once');
  });
});

describe('problemText', () => {
  it.each([
    [
      { row: 2, field: 'date_of_birth', message: 'is empty: fill it in' },
      'Date of birth is empty: fill it in',
    ],
    [
      {
        row: 2,
        field: 'family_name',
        message: 'does not match the family name of the person with prison number A1234BC',
      },
      'Family name does not match the family name of the person with prison number A1234BC',
    ],
    [
      { row: 0, field: 'colour', message: 'is not a column this import knows' },
      'The column “colour” is not a column this import knows',
    ],
    [{ row: 0, field: 'file', message: 'is empty' }, 'The file is empty'],
    [
      { row: 3, field: 'given_name', message: 'This is the template’s example row' },
      'This is the template’s example row',
    ],
  ])('%j → %j', (problem, text) => {
    expect(problemText(problem)).toBe(text);
  });
});
