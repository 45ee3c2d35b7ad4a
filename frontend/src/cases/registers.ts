import type { Endpoints } from '../api/endpoints.ts';
import type { CustodySuite, EstablishmentList } from '../api/types.ts';

/** A prison's name from its stored code ("HEI" → "HMP Hewell"); the code itself when the register lacks it. */
export type PrisonNamer = (code: string) => string;

/** Names prisons from the register. */
export function prisonNamer(list: EstablishmentList | undefined): PrisonNamer {
  const names = new Map((list?.items ?? []).map((item) => [item.code, item.name]));
  return (code) => names.get(code) ?? code;
}

/**
 * The register's prison names (read once per session), or the codes as they are when the register
 * cannot be read: a page that shows a prison still works without it.
 */
export function loadPrisonNamer(api: Endpoints): Promise<PrisonNamer> {
  return api.establishments().then(prisonNamer, () => prisonNamer(undefined));
}

/** The partnership's custody suites, or none when they cannot be read (a page that only names one still works). */
export function loadCustodySuites(api: Endpoints): Promise<CustodySuite[]> {
  return api.allCustodySuites().catch(() => []);
}

/** A custody suite's name, or a plain phrase when it is not (or no longer) in the partnership's list. */
export function custodySuiteName(
  suites: readonly CustodySuite[],
  custodySuiteId: string | undefined,
): string {
  if (!custodySuiteId) return 'Not recorded';
  return suites.find((suite) => suite.id === custodySuiteId)?.name ?? 'A custody suite that was removed';
}

/** The suites as choices, those serving `areaId` first, each group by name. */
export function custodySuiteChoices(suites: readonly CustodySuite[], areaId?: string) {
  const serves = (suite: CustodySuite) => (areaId && suite.areaIds.includes(areaId) ? 0 : 1);
  return [...suites]
    .sort((a, b) => serves(a) - serves(b) || a.name.localeCompare(b.name))
    .map((suite) => ({ value: suite.id, label: `${suite.name} (${suite.policeForce})` }));
}
