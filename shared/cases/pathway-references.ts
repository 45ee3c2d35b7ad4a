import { findCustodySuite } from '../data/custody-suites-repo.ts';
import type { Table } from '../data/table.ts';

/**
 * What is wrong with the partnership's own registers a referral names, by field: a custody suite
 * the partnership does not have, or a programme it does not run (`kept` are the programmes the
 * case already has, which stay allowed after the partnership stops running one).
 */
export async function referenceProblems(
  table: Table,
  tenantId: string,
  named: { custodySuiteId?: string; programmes?: readonly string[] },
  runs: readonly string[],
  kept: readonly string[] = [],
): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  if (named.custodySuiteId && !(await findCustodySuite(table, tenantId, named.custodySuiteId))) {
    problems.custodySuiteId = `is not a custody suite of this partnership (GET /custody-suites lists them; a chair adds one), got "${named.custodySuiteId}"`;
  }
  const unknown = (named.programmes ?? []).filter((code) => !runs.includes(code) && !kept.includes(code));
  if (unknown.length > 0) {
    problems.programmes = runs.length
      ? `must be programmes the partnership runs (${runs.join(', ')}; GET /partnership lists them under settings.programmes), not ${unknown.join(', ')}`
      : `the partnership runs no programmes yet: a chair chooses them in the settings (settings.programmes), not ${unknown.join(', ')}`;
  }
  return problems;
}
