/** A whole number typed into a text input, or undefined if it is not one. */
export function parseWholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** A number with up to 2 decimal places typed into a text input (e.g. a percentage). */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim().replace(/%$/, '').trim();
  return /^\d+(\.\d{1,2})?$/.test(trimmed) ? Number(trimmed) : undefined;
}
