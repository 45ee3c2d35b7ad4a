import { CUSTODY_SUITE_REGISTER } from './police-custody-suites.ts';

/** A police custody suite as the public register lists it: its name and its force. */
export interface RegisterCustodySuite {
  readonly name: string;
  readonly policeForce: string;
}

/** A suite's full name: the register's shorthand leaves " Police Station" off (police-custody-suites.ts). */
function suiteName(entry: string): string {
  if (entry.startsWith('=')) return entry.slice(1);
  return entry.includes('Custody') ? entry : `${entry} Police Station`;
}

/** Every suite of the register, sorted by force and then by name. */
export const POLICE_CUSTODY_SUITES: readonly RegisterCustodySuite[] = Object.freeze(
  CUSTODY_SUITE_REGISTER.split('\n')
    .flatMap((line) => {
      const [policeForce = '', suites = ''] = line.split('|');
      return suites.split(';').map((entry) => Object.freeze({ name: suiteName(entry), policeForce }));
    })
    .sort((a, b) => a.policeForce.localeCompare(b.policeForce, 'en') || a.name.localeCompare(b.name, 'en')),
);

/** The forces that have suites in the register, sorted. */
export const POLICE_FORCES: readonly string[] = Object.freeze(
  [...new Set(POLICE_CUSTODY_SUITES.map((suite) => suite.policeForce))].sort((a, b) =>
    a.localeCompare(b, 'en'),
  ),
);

/** Words that say a body is a police force but not which one. */
const FORCE_WORDS = new Set(['police', 'constabulary', 'service', 'force', 'the']);

/** What people also call a force, by the key of its register name. */
const FORCE_ALIASES: Readonly<Record<string, string>> = {
  met: 'metropolitan',
  hampshire: 'hampshire and isle of wight',
};

/**
 * A force's name without case, punctuation or "Police"/"Constabulary": "Avon & Somerset
 * Constabulary" and "avon and somerset police" agree. No two forces of the register share one.
 */
function forceKey(force: string): string {
  const key = force
    .toLowerCase()
    .replace(/[’‘`´'.]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !FORCE_WORDS.has(word))
    .join(' ');
  return FORCE_ALIASES[key] ?? key;
}

// Built on the first call, not at import: only the suggestions route asks.
let byForce: ReadonlyMap<string, readonly RegisterCustodySuite[]> | undefined;

/** The register's suites of one force, its name matched loosely; none for a force it does not know. */
export function custodySuitesOfForce(force: string): readonly RegisterCustodySuite[] {
  if (!byForce) {
    const map = new Map<string, RegisterCustodySuite[]>();
    for (const suite of POLICE_CUSTODY_SUITES) {
      const key = forceKey(suite.policeForce);
      map.set(key, [...(map.get(key) ?? []), suite]);
    }
    byForce = map;
  }
  return byForce.get(forceKey(force)) ?? [];
}
