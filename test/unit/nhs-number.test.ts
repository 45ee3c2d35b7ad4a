import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, normaliseNhsNumber } from '../../shared/domain/nhs-number.ts';

/**
 * The modulus-11 check value of nine digits, worked out here independently of the module:
 * weights 10 down to 2, check = 11 − (sum mod 11), 11 becomes 0; 10 means no valid number.
 */
function checkValue(prefix: string): number {
  const sum = [...prefix].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

const prefix = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((d) => d.join(''));
const validPrefix = prefix.filter((p) => checkValue(p) !== 10);
const validNumber = validPrefix.map((p) => `${p}${checkValue(p)}`);

describe('checkValue (the test’s own algorithm)', () => {
  it('agrees with the published example 943 476 5919', () => {
    expect(checkValue('943476591')).toBe(9);
  });
});

describe('isValidNhsNumber', () => {
  it('accepts the published example 9434765919', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
  });

  // Worked out by hand: sum 92 → 11 − 4 = 7; sum 0 → 11 becomes 0; sum 10 → 1; sum 486 → 9.
  it.each([
    ['4010232137', 'check 7'],
    ['0000000000', 'check 11 becomes 0'],
    ['1000000001', 'check 1'],
    ['9999999999', 'check 9'],
  ])('accepts %s (%s)', (digits) => {
    expect(checkValue(digits.slice(0, 9))).toBe(Number(digits[9]));
    expect(isValidNhsNumber(digits)).toBe(true);
  });

  it('accepts three more numbers made from random prefixes', () => {
    const samples = fc.sample(validNumber, { numRuns: 3, seed: 20260401 });
    expect(samples).toHaveLength(3);
    for (const digits of samples) expect(isValidNhsNumber(digits)).toBe(true);
  });

  it('accepts every number whose last digit is the check value', () => {
    fc.assert(fc.property(validNumber, (digits) => isValidNhsNumber(digits)));
  });

  it('refuses a valid number with its last digit changed', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('9434765910')).toBe(false);
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 1, max: 9 }), (digits, shift) => {
        const changed = `${digits.slice(0, 9)}${(Number(digits[9]) + shift) % 10}`;
        return !isValidNhsNumber(changed);
      }),
    );
  });

  it('refuses a valid number with two neighbouring digits swapped (when they differ)', () => {
    expect(isValidNhsNumber('4934765919')).toBe(false);
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 7 }), (digits, i) => {
        fc.pre(digits[i] !== digits[i + 1]);
        const swapped = `${digits.slice(0, i)}${digits[i + 1]}${digits[i]}${digits.slice(i + 2)}`;
        return !isValidNhsNumber(swapped);
      }),
    );
  });

  it('never accepts a prefix whose check value is 10, whatever the last digit', () => {
    // 123456789: sum 210, 210 mod 11 = 1, 11 − 1 = 10.
    expect(checkValue('123456789')).toBe(10);
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`123456789${last}`)).toBe(false);
    fc.assert(
      fc.property(
        prefix.filter((p) => checkValue(p) === 10),
        fc.integer({ min: 0, max: 9 }),
        (p, last) => !isValidNhsNumber(`${p}${last}`),
      ),
    );
  });

  it.each([
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['', 'nothing'],
    ['943 476 5919', 'spaces (normalise first)'],
    ['943-476-5919', 'dashes (normalise first)'],
    ['943476591X', 'a letter'],
    ['94347659l9', 'a letter l for a 1'],
    [' 9434765919', 'a leading space'],
    ['9434765919\n', 'a trailing newline'],
    ['９４３４７６５９１９', 'full-width digits'],
    ['٩٤٣٤٧٦٥٩١٩', 'Arabic-Indic digits'],
    ['+9434765919', 'a sign'],
    ['9.434765919', 'a decimal point'],
  ])('refuses %j (%s)', (value) => {
    expect(isValidNhsNumber(value)).toBe(false);
  });

  it('refuses any string that is not exactly ten digits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 14 }).filter((s) => !/^\d{10}$/.test(s)),
        (s) => !isValidNhsNumber(s),
      ),
    );
  });
});

describe('normaliseNhsNumber', () => {
  it.each([
    ['943 476 5919', '9434765919'],
    ['943-476-5919', '9434765919'],
    [' 943 476-5919 ', '9434765919'],
    ['943\t476\u00a05919', '9434765919'],
    ['9434765919', '9434765919'],
  ])('turns %j into %j', (value, expected) => {
    expect(normaliseNhsNumber(value)).toBe(expected);
  });

  it('keeps other characters, so the check still refuses them', () => {
    expect(normaliseNhsNumber('943.476.5919')).toBe('943.476.5919');
    expect(normaliseNhsNumber('943–476–5919')).toBe('943–476–5919'); // en dashes are not dashes here
  });

  it('makes a spaced or dashed valid number valid', () => {
    fc.assert(
      fc.property(validNumber, (digits) => {
        const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6)}`;
        return isValidNhsNumber(normaliseNhsNumber(spaced));
      }),
    );
  });
});
