/**
 * The form of a name that search compares: accents dropped, lower case, letters and digits
 * only ("O'Brien-Smyth" → "obriensmyth"), so staff find people however a name was typed.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
