/** NHS numbers are read in groups of 3, 3 and 4 digits. */
export const nhsGroups = (digits: string): string => digits.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3');
