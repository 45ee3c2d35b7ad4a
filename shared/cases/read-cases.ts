import type { Clock } from '../adapters/ports.ts';
import { type MemberActor, requireAreaOf } from '../auth/area-access.ts';
import { listAudit, recordReads } from '../data/audit-repo.ts';
import { getPeople, getPerson } from '../data/people-repo.ts';
import { type PageRequest, slicePage } from '../data/query-page.ts';
import { caseloadOfArea, loadCase, type StoredReferral } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { listTimeline } from '../data/timeline.ts';
import { caseloadOrder, type DueFilter, matchesDue } from '../domain/caseload.ts';
import type { PersonSummary } from '../schemas/case-view.ts';
import type { Person } from '../schemas/person.ts';

export interface ReadDeps {
  table: Table;
  clock: Clock;
}

/** What a case shows of its person: enough to know who it is, and no more. */
const personSummary = (person: Person): PersonSummary => ({
  id: person.id,
  givenName: person.givenName,
  familyName: person.familyName,
  dateOfBirth: person.dateOfBirth,
  prisonNumber: person.prisonNumber,
});

export interface CaseloadFilter {
  areas: readonly string[];
  status?: StoredReferral['status'];
  pathway?: StoredReferral['pathway'];
  due?: DueFilter;
}

/**
 * The caseload of the given areas, filtered and in caseload order (overdue first). An area holds
 * a few hundred open cases, so each is read whole from the caseload index.
 */
export async function caseloadOf(
  deps: ReadDeps,
  actor: MemberActor,
  filter: CaseloadFilter,
): Promise<StoredReferral[]> {
  const { status, pathway, due } = filter;
  const now = deps.clock();
  const open = status !== 'closed';
  const all = (
    await Promise.all(
      filter.areas.map((areaId) => caseloadOfArea(deps.table, actor.principal.tenantId, areaId, open)),
    )
  ).flat();
  return all
    .filter(
      (referral) => (!status || referral.status === status) && (!pathway || referral.pathway === pathway),
    )
    .filter((referral) => !due || matchesDue(referral.nextDueAt, due, now))
    .sort(caseloadOrder(now));
}

/** One page of a caseload as the list shows it: with each person's summary; the reads are audited. */
export async function caseloadRows(deps: ReadDeps, actor: MemberActor, page: readonly StoredReferral[]) {
  const { tenantId } = actor.principal;
  const now = deps.clock();
  const peopleById = await getPeople(
    deps.table,
    tenantId,
    page.map((referral) => referral.personId),
  );
  await recordReads(
    deps.table,
    tenantId,
    page.map((referral) => ({
      personId: referral.personId,
      action: 'list',
      record: 'referral',
      recordId: referral.id,
    })),
    actor,
    now,
  );
  return page.map((referral) => {
    const person = peopleById.get(referral.personId);
    return {
      ...referral,
      person: person && personSummary(person),
      overdue: referral.nextDueAt !== undefined && referral.nextDueAt <= now.toISOString(),
    };
  });
}

/** A case with its person summary, appointments and alerts; the read is audited. */
export async function readCase(deps: ReadDeps, actor: MemberActor, referralId: string) {
  const { tenantId } = actor.principal;
  const found = await loadCase(deps.table, tenantId, referralId);
  requireAreaOf(actor.principal, found.referral.areaId, 'referral');
  const person = await getPerson(deps.table, tenantId, found.referral.personId);
  await recordReads(
    deps.table,
    tenantId,
    [{ personId: person.id, action: 'read', record: 'referral', recordId: found.referral.id }],
    actor,
    deps.clock(),
  );
  return {
    ...found.referral,
    person: personSummary(person),
    appointments: found.appointments,
    alerts: found.alerts,
  };
}

/** A page of the caseload of the given areas, overdue first, each row with its person's summary. */
export async function caseloadPage(
  deps: ReadDeps,
  actor: MemberActor,
  filter: CaseloadFilter,
  page: () => Promise<PageRequest>,
) {
  const listed = slicePage(await caseloadOf(deps, actor, filter), await page());
  return { ...listed, items: await caseloadRows(deps, actor, listed.items) };
}

/**
 * A page of a case's timeline; the read is audited. `page` is asked for once the case is known to
 * be the member's (its cursor is bound to the case).
 */
export async function readTimeline(
  deps: ReadDeps,
  actor: MemberActor,
  referralId: string,
  page: () => Promise<PageRequest>,
) {
  const { tenantId } = actor.principal;
  const { referral } = await loadCase(deps.table, tenantId, referralId);
  requireAreaOf(actor.principal, referral.areaId, 'referral');
  const events = await listTimeline(deps.table, tenantId, referral.id, await page());
  await recordReads(
    deps.table,
    tenantId,
    [{ personId: referral.personId, action: 'read', record: 'timeline', recordId: referral.id }],
    actor,
    deps.clock(),
  );
  return events;
}

/** A page of who read or changed a person's records, for a manager of the person's area. */
export async function readAudit(
  deps: ReadDeps,
  actor: MemberActor,
  personId: string,
  page: () => Promise<PageRequest>,
) {
  const { tenantId } = actor.principal;
  const person = await getPerson(deps.table, tenantId, personId);
  requireAreaOf(actor.principal, person.areaId, 'person');
  return listAudit(deps.table, tenantId, person.id, await page());
}
