import { PRISON_REGISTER } from './prisons.ts';

/** A prison or young offender institution of England and Wales, by its NOMIS agency code. */
export interface Establishment {
  readonly code: string;
  readonly name: string;
}

/** What a prefix or suffix says an establishment is: a prison, a young offender institution, or both. */
type Kind = 'HMP' | 'YOI';

/**
 * The words that only say what kind of establishment a name is ("HMP", "HM Prison", "YOI",
 * "Her Majesty's Young Offender Institution"…), never which one; stripped from either end of a name.
 */
const KIND_WORDS: Readonly<Record<string, readonly Kind[]>> = {
  hmp: ['HMP'],
  prison: ['HMP'],
  hmyoi: ['YOI'],
  hmpyoi: ['HMP', 'YOI'],
  yoi: ['YOI'],
  young: ['YOI'],
  offender: [],
  offenders: [],
  institution: [],
  hm: [],
  his: [],
  her: [],
  majestys: [],
  and: [],
};

/** Lower case words without punctuation: "HM Prison Hewell", "HEWELL (HMP)" and "hewell." agree. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`´'.]/g, '')
    .replace(/[&/]/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** A name taken apart into the place ("hewell") and the kinds its prefix or suffix says. */
function parse(text: string): { readonly base: string; readonly kinds: ReadonlySet<Kind> } {
  const all = words(text);
  const kinds = new Set<Kind>();
  let start = 0;
  let end = all.length;
  const strip = (word: string | undefined): boolean => {
    const said = word === undefined ? undefined : KIND_WORDS[word];
    if (!said) return false;
    for (const kind of said) kinds.add(kind);
    return true;
  };
  while (start < end && strip(all[start])) start++;
  while (end > start && strip(all[end - 1])) end--;
  return { base: all.slice(start, end).join(' '), kinds };
}

/** One line of the register: its code, its place and the kinds its suffix gives. */
interface Entry {
  readonly establishment: Establishment;
  readonly place: string;
  readonly base: string;
  readonly kinds: ReadonlySet<Kind>;
}

/** "Hewell (HMP)" → "HMP Hewell": the register's suffix turned round into the prefix people say. */
function entries(): Entry[] {
  return PRISON_REGISTER.split('\n').map((line) => {
    const [code = '', registerName = ''] = line.split('|');
    const match = /^(.*?)\s*\(([^)]+)\)$/.exec(registerName);
    const place = match?.[1] ?? registerName;
    const name = match ? `${match[2]} ${place}` : registerName;
    const { base, kinds } = parse(registerName);
    return { establishment: Object.freeze({ code, name }), place, base, kinds };
  });
}

const ENTRIES: readonly Entry[] = entries().sort(
  (a, b) =>
    a.place.localeCompare(b.place, 'en') || a.establishment.name.localeCompare(b.establishment.name, 'en'),
);

/** Every prison of the register, sorted by place, so "HMP Hewell" sits under H whatever its prefix. */
export const ESTABLISHMENTS: readonly Establishment[] = Object.freeze(ENTRIES.map((e) => e.establishment));

interface Lookups {
  readonly byCode: ReadonlyMap<string, Establishment>;
  readonly byBase: ReadonlyMap<string, readonly Entry[]>;
}

// The maps are built on the first look-up, not at import: most Lambdas that import this only list.
let lookups: Lookups | undefined;

function theLookups(): Lookups {
  if (!lookups) {
    const byCode = new Map<string, Establishment>();
    const byBase = new Map<string, Entry[]>();
    for (const entry of ENTRIES) {
      byCode.set(entry.establishment.code, entry.establishment);
      byBase.set(entry.base, [...(byBase.get(entry.base) ?? []), entry]);
    }
    lookups = { byCode, byBase };
  }
  return lookups;
}

/** The prison with this code (HEI, hei), or undefined. */
export function establishmentByCode(code: string): Establishment | undefined {
  return theLookups().byCode.get(code.trim().toUpperCase());
}

const sameKinds = (a: ReadonlySet<Kind>, b: ReadonlySet<Kind>): boolean =>
  a.size === b.size && [...a].every((kind) => b.has(kind));

/**
 * The prison a person typed, by code or by name with or without its prefix or suffix ("HEI",
 * "Hewell", "hmp hewell", "HEWELL (HMP)", "HM Prison Hewell"). Where two share a place (HMP Feltham
 * and HMYOI Feltham; HMP & YOI Parc and HMYOI Parc) the prefix decides, and without one it is undefined
 * rather than a guess.
 */
export function findEstablishment(text: string): Establishment | undefined {
  const byCode = establishmentByCode(text);
  if (byCode) return byCode;
  const { base, kinds } = parse(text);
  if (base === '') return undefined;
  const { byBase } = theLookups();
  // "Mount" and "Verne" are what people write for The Mount and The Verne.
  const candidates = byBase.get(base) ?? byBase.get(`the ${base}`) ?? [];
  if (candidates.length <= 1) return candidates[0]?.establishment;
  if (kinds.size === 0) return undefined;
  const exact = candidates.filter((entry) => sameKinds(entry.kinds, kinds));
  if (exact.length === 1) return exact[0]?.establishment;
  const covering = candidates.filter((entry) => [...kinds].every((kind) => entry.kinds.has(kind)));
  return covering.length === 1 ? covering[0]?.establishment : undefined;
}

/** The prison's name for a code, or the code itself when the register does not know it. */
export function establishmentName(code: string): string {
  return establishmentByCode(code)?.name ?? code;
}
