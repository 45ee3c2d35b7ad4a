/**
 * A case's short reference, as alert emails and the case page name it: `C-` and the last 8
 * characters of its id, upper case. It identifies no one, and search finds the case by it.
 */
export const caseReference = (referralId: string): string => `C-${referralId.slice(-8).toUpperCase()}`;

/** The reference a search text names, if it is one (`C-` and 8 letters or digits, any case). */
export function referenceIn(text: string): string | undefined {
  const match = /^\s*C-([0-9A-Z]{8})\s*$/i.exec(text);
  return match ? `C-${(match[1] as string).toUpperCase()}` : undefined;
}
