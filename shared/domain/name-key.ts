/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ħ: 'h',
};

/**
 * The form of a name that search compares: accents dropped and special letters folded, lower
 * case, letters and digits of any script only ("O'Brien-Smyth" → "obriensmyth", "Søren" →
 * "soren", "Иван" → "иван"), so staff find people however a name was typed.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłđðıßæœþħ]/g, (letter) => FOLDS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The form of a family name that the possible-duplicate check compares: letters only, of any
 * script, without case or accents ("O'Connor" → "oconnor", "Zoë" → "zoe", "Smith 2" → "smith"),
 * so one person typed two ways by two members is still noticed.
 */
export function familyNameKey(name: string): string {
  return nameKey(name).replace(/\p{N}/gu, '');
}
