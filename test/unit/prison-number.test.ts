import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePrisonNumber, PRISON_NUMBER } from '../../shared/domain/prison-number.ts';

describe('PRISON_NUMBER', () => {
  it.each(['A1234BC', 'Z9999ZZ', 'G0000AA'])('matches %s', (value) => {
    expect(PRISON_NUMBER.test(value)).toBe(true);
  });

  it.each([
    ['a1234bc', 'lower case (normalise first)'],
    ['A1234B', 'one letter at the end'],
    ['A1234BCD', 'three letters at the end'],
    ['A123BC', 'three digits'],
    ['A12345BC', 'five digits'],
    ['AB1234C', 'two letters first'],
    ['11234BC', 'a digit first'],
    ['A 1234BC', 'a space'],
    ['A1234BC\n', 'a trailing newline'],
    ['É1234BC', 'an accented letter'],
    ['A１２３４BC', 'full-width digits'],
    ['', 'nothing'],
  ])('does not match %j (%s)', (value) => {
    expect(PRISON_NUMBER.test(value)).toBe(false);
  });
});

describe('normalisePrisonNumber', () => {
  it.each([
    ['a1234bc', 'A1234BC'],
    [' A1234BC ', 'A1234BC'],
    ['a 1234 bc', 'A1234BC'],
    ['A1234\tbc', 'A1234BC'],
    ['A1234BC', 'A1234BC'],
  ])('turns %j into %j', (value, expected) => {
    expect(normalisePrisonNumber(value)).toBe(expected);
  });

  it('leaves dashes and other marks for the pattern to refuse', () => {
    expect(normalisePrisonNumber('a-1234-bc')).toBe('A-1234-BC');
    expect(PRISON_NUMBER.test(normalisePrisonNumber('a-1234-bc'))).toBe(false);
  });

  // Documented, harmless: a dotless ı or long ſ upper-cases to ASCII I or S, so the stored value is still ASCII.
  it('lets the few non-ASCII letters whose upper case is ASCII through as ASCII', () => {
    expect(normalisePrisonNumber('ı1234bſ')).toBe('I1234BS');
  });

  it('is idempotent and makes any case or spacing of a prison number match', () => {
    const prisonNumber = fc.stringMatching(/^[A-Z]\d{4}[A-Z]{2}$/);
    fc.assert(
      fc.property(prisonNumber, fc.boolean(), fc.boolean(), (value, lower, spaced) => {
        let typed = lower ? value.toLowerCase() : value;
        if (spaced) typed = ` ${typed.slice(0, 1)} ${typed.slice(1, 5)} ${typed.slice(5)} `;
        const normal = normalisePrisonNumber(typed);
        expect(normal).toBe(value);
        expect(normalisePrisonNumber(normal)).toBe(normal);
        expect(PRISON_NUMBER.test(normal)).toBe(true);
      }),
    );
  });
});
