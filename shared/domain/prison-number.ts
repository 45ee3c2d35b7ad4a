/** NOMIS prison numbers: one letter, four digits, two letters (A1234BC). */
export const PRISON_NUMBER = /^[A-Z]\d{4}[A-Z]{2}$/;

/** A prison number as stored: upper case, no spaces. */
export const normalisePrisonNumber = (value: string): string => value.replace(/\s/g, '').toUpperCase();
