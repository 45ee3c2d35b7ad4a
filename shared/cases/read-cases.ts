import type { Clock } from '../adapters/ports.ts';
import { type MemberActor, requireAreaOf } from '../auth/area-access.ts';
import { listAudit, recordReads } from '../data/audit-repo.ts';
import { getPerson } from '../data/people-repo.ts';
import type { PageRequest } from '../data/query-page.ts';
import { loadCase, type StoredReferral } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { listTimeline } from '../data/timeline.ts';
import type { PersonSummary } from '../schemas/case-view.ts';
import type { Person } from '../schemas/person.ts';
import { progressOf, withoutWorkAttributes } from './case-progress.ts';

export interface ReadDeps {
  table: Table;
  clock: Clock;
}

/** What a case shows of its person: enough to know who it is, and no more. */
export const personSummary = (person: Person): PersonSummary => ({
  id: person.id,
  givenName: person.givenName,
  familyName: person.familyName,
  dateOfBirth: person.dateOfBirth,
  prisonNumber: person.prisonNumber,
});

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
  const referral = withoutWorkAttributes(found.referral as StoredReferral);
  return {
    ...referral,
    ...progressOf(referral, deps.clock()),
    windowDays: referral.windowDays ?? null,
    person: personSummary(person),
    appointments: found.appointments,
    alerts: found.alerts,
  };
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
