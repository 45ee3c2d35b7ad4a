/**
 * NHS numbers are ten digits, the last a modulus-11 check digit over the first nine weighted
 * 10 down to 2. A remainder giving check value 10 means the number can never be valid.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

/** The digits of an NHS number written with or without spaces or dashes (943 476 5919). */
export const normaliseNhsNumber = (value: string): string => value.replace(/[\s-]/g, '');
