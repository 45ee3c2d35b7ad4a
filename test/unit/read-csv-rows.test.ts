import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../shared/imports/release-csv.ts';

describe('reading a release list’s CSV records', () => {
  it('reads quoted fields, CRLF and a byte-order mark, trimming each cell', () => {
    const text = '\uFEFFgiven_name,family_name\r\n" Sam ","O\'Neil, ""Jr"""\r\nAlex,"Two\nlines"\r\n';
    expect(readCsvRows(text)).toEqual([
      ['given_name', 'family_name'],
      ['Sam', 'O\'Neil, "Jr"'],
      ['Alex', 'Two\nlines'],
    ]);
  });

  it('keeps a blank record in place, so later rows keep their spreadsheet numbers, and drops blanks at the ends', () => {
    expect(readCsvRows('\na,b\n1,2\n\n,,\n3,4\n\n\n')).toEqual([['a', 'b'], ['1', '2'], [], [], ['3', '4']]);
    expect(readCsvRows('')).toEqual([]);
  });
});
