import { areasToList, type MemberActor } from '../auth/area-access.ts';
import { toCsv } from '../csv/write-csv.ts';
import { recordListReads } from '../data/audit-repo.ts';
import { custodySuitesById } from '../data/custody-suites-repo.ts';
import { failedToAttendOfArea } from '../data/failed-to-attend-repo.ts';
import { keys } from '../data/keys.ts';
import { listedReferral } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { getMany } from '../data/table-io.ts';
import { caseReference } from '../domain/case-reference.ts';
import { ValidationFailed } from '../errors.ts';
import type { FailedToAttendList, FailedToAttendQuery } from '../schemas/failed-to-attend.ts';
import type * as z from '../schemas/zod.ts';

type Entry = FailedToAttendList['items'][number];

/**
 * `GET /failed-to-attend`: the manager's list of drug-testing-on-arrest cases closed as failed to
 * attend a required assessment, in their areas, newest first: who, the test, the suite and the
 * assessments missed, to pass to the police under the local protocol. Each person listed is
 * audited as read.
 */
export async function failedToAttendList(
  deps: { table: Table; clock: () => Date },
  actor: MemberActor,
  query: z.output<typeof FailedToAttendQuery>,
): Promise<Entry[]> {
  if (query.from && query.to && query.from > query.to) {
    throw new ValidationFailed('The period ends before it starts.', {
      to: `must be on or after from (${query.from}), got ${query.to}`,
    });
  }
  const { tenantId } = actor.principal;
  const areas = areasToList(actor.principal, query.areaId);
  const entries = (
    await Promise.all(
      areas.map((areaId) => failedToAttendOfArea(deps.table, tenantId, areaId, query.from, query.to)),
    )
  ).flat();
  const referrals = new Map(
    (
      await getMany(
        deps.table,
        entries.map((entry) => keys.referral(tenantId, entry.referralId)),
      )
    ).map((item) => {
      const referral = listedReferral(item);
      return [referral.id, referral];
    }),
  );
  const suites = await custodySuitesById(
    deps.table,
    tenantId,
    entries.flatMap((entry) => (entry.custodySuiteId ? [entry.custodySuiteId] : [])),
  );
  const items: Entry[] = [];
  for (const entry of entries) {
    const referral = referrals.get(entry.referralId);
    const person = referral?.personSummary;
    // A case purged since it closed leaves its entry behind: it is no longer listed.
    if (!referral || !person) continue;
    items.push({
      referralId: referral.id,
      reference: caseReference(referral.id),
      areaId: entry.areaId,
      person,
      ...(entry.custodySuiteId ? { custodySuiteId: entry.custodySuiteId } : {}),
      ...(entry.custodySuiteId && suites.get(entry.custodySuiteId)
        ? { custodySuiteName: suites.get(entry.custodySuiteId)?.name }
        : {}),
      ...(entry.test ? { test: entry.test } : {}),
      missedAssessments: entry.missedAssessments as Entry['missedAssessments'],
      closedOn: entry.closedOn,
    });
  }
  items.sort((a, b) => b.closedOn.localeCompare(a.closedOn) || a.referralId.localeCompare(b.referralId));
  await recordListReads(
    deps.table,
    tenantId,
    items.map((item) => ({
      personId: item.person.id,
      record: 'referral' as const,
      recordId: item.referralId,
    })),
    actor,
    deps.clock(),
  );
  return items;
}

const KIND_WORDS: Record<string, string> = {
  initial_assessment: 'initial',
  follow_up_assessment: 'follow-up',
};

/** The list as CSV, one row per case, for the police under the local protocol. */
export function failedToAttendCsv(items: readonly Entry[]): string {
  return toCsv(
    [
      'case_reference',
      'given_name',
      'family_name',
      'date_of_birth',
      'prison_number',
      'custody_suite',
      'tested_on',
      'test_result',
      'assessments_missed',
      'closed_on',
    ],
    items.map((item) => [
      item.reference,
      item.person.givenName,
      item.person.familyName,
      item.person.dateOfBirth,
      item.person.prisonNumber,
      item.custodySuiteName,
      item.test?.testedOn,
      item.test?.result,
      item.missedAssessments.map((a) => `${KIND_WORDS[a.kind] ?? a.kind} ${a.at}`).join('; '),
      item.closedOn,
    ]),
  );
}
