import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/csv/write-csv.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Cell text of every kind a spreadsheet user might type, weighted towards the awkward characters. */
const cellText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' '),
    fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
  ),
  maxLength: 20,
});

describe('the one CSV writer', () => {
  it('reads back, cell for cell, as RFC 4180 says, with formula cells neutralised', () => {
    // Prepare: random tables of random cell text.
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          // Act
          const text = toCsv(['a', 'b', 'c'], rows);
          const [header, ...back] = parse(text, { relax_quotes: false }) as string[][];
          // Assess: the same table, each formula-like cell prefixed with an apostrophe, none live.
          expect(header).toEqual(['a', 'b', 'c']);
          expect(back).toEqual(
            rows.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell))),
          );
          for (const cell of back.flat()) expect(cell).not.toMatch(FORMULA_START);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ends every line with CRLF and quotes only what needs it', () => {
    expect(toCsv(['x'], [['plain'], ['with, comma'], ['say "hi"']])).toBe(
      'x\r\nplain\r\n"with, comma"\r\n"say ""hi"""\r\n',
    );
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3)).toBe('-3');
  });
});
