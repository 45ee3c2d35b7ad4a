import type { MemberActor } from '../auth/area-access.ts';
import { keys } from '../data/keys.ts';
import { mergedPage } from '../data/merged-page.ts';
import { type Page, type PageRequest, queryAll } from '../data/query-page.ts';
import { listedReferral, type StoredReferral } from '../data/referrals-repo.ts';
import { WORK_INDEX_ATTRIBUTES } from '../data/table-def.ts';
import { ALERT_CATALOGUE } from '../domain/alert-catalogue.ts';
import { caseReference } from '../domain/case-reference.ts';
import { daysBetween, londonDate } from '../domain/dates.ts';
import { FIRST_DAYS, LOOKAHEAD_DAYS, priorityAt, whyListed } from '../domain/worklist.ts';
import { progressOf } from './case-progress.ts';
import { caseFilter, peopleListed } from './caseload.ts';
import type { ReadDeps } from './read-cases.ts';

export interface WorklistFilter {
  areas: readonly string[];
  assignee?: 'me' | 'unassigned' | 'all';
}

/** The worklist's counts across the top: releasing within a week, in the first days, overdue, open alerts. */
export interface WorklistCounts {
  releasingSoon: number;
  firstDays: number;
  overdue: number;
  openAlerts: number;
}

/** What a worklist item is made of: the keys (a page's position) and what its index keeps. */
const ITEM_ATTRIBUTES = [
  'PK',
  'SK',
  'workPK',
  'workSK',
  ...WORK_INDEX_ATTRIBUTES.filter((name) => name !== 'listedFrom'),
];

/** What the counts read of each case. */
const COUNTED_ATTRIBUTES = ['releasedOn', 'expectedReleaseOn', 'nextDueAt', 'openAlerts'] as const;

/** The WorkIndex query of one area: its cases listed by now, as the assignee filter shapes it. */
function workPart(
  tenantId: string,
  areaId: string,
  filter: WorklistFilter,
  memberId: string,
  now: Date,
  attributes: readonly string[] = ITEM_ATTRIBUTES,
) {
  const listed = { expression: 'listedFrom <= :now', values: { ':now': now.toISOString() } };
  const { values, ...filtered } = caseFilter({ assignee: filter.assignee }, memberId, [listed]);
  const names = 'ExpressionAttributeNames' in filtered ? filtered.ExpressionAttributeNames : undefined;
  return {
    part: areaId,
    query: {
      KeyConditionExpression: 'workPK = :pk',
      ...filtered,
      ProjectionExpression: attributes.map((_, index) => `#p${index}`).join(', '),
      ExpressionAttributeNames: {
        ...names,
        ...Object.fromEntries(attributes.map((name, index) => [`#p${index}`, name])),
      },
      ExpressionAttributeValues: { ':pk': keys.workPartition(tenantId, areaId), ...values },
    },
  };
}

/**
 * The counts of the whole worklist (all its pages), from the few attributes they need: one query
 * of each area's WorkIndex partition, reading no person.
 */
export async function worklistCounts(
  deps: ReadDeps,
  actor: MemberActor,
  filter: WorklistFilter,
): Promise<WorklistCounts> {
  const now = deps.clock();
  const today = londonDate(now);
  const parts = filter.areas.map((areaId) =>
    workPart(actor.principal.tenantId, areaId, filter, actor.memberId, now, COUNTED_ATTRIBUTES),
  );
  const items = (
    await Promise.all(
      parts.map((part) =>
        queryAll(deps.table, {
          ...part.query,
          IndexName: 'WorkIndex',
        }),
      ),
    )
  ).flat();
  const counts: WorklistCounts = { releasingSoon: 0, firstDays: 0, overdue: 0, openAlerts: 0 };
  for (const item of items) {
    const released = item.releasedOn as string | undefined;
    const expected = item.expectedReleaseOn as string | undefined;
    if (!released && expected) {
      const until = daysBetween(today, expected);
      if (until >= 0 && until <= LOOKAHEAD_DAYS) counts.releasingSoon += 1;
    }
    if (released) {
      const since = daysBetween(released, today);
      if (since >= 0 && since <= FIRST_DAYS) counts.firstDays += 1;
    }
    if (typeof item.nextDueAt === 'string' && item.nextDueAt <= now.toISOString()) counts.overdue += 1;
    counts.openAlerts += Number(item.openAlerts ?? 0);
  }
  return counts;
}

/** One worklist item: the case, its person, and where and why it is listed. */
function worklistItem(
  referral: StoredReferral,
  person: { givenName: string; familyName: string; prisonNumber?: string } | undefined,
  now: Date,
) {
  const progress = progressOf(referral, now);
  const next = progress.nextAction as NonNullable<typeof progress.nextAction>;
  const label = ALERT_CATALOGUE[next.rule].nextAction;
  return {
    referralId: referral.id,
    reference: caseReference(referral.id),
    person: person
      ? { givenName: person.givenName, familyName: person.familyName, prisonNumber: person.prisonNumber }
      : null,
    areaId: referral.areaId,
    assignedTo: referral.assignedTo ?? null,
    assignedToName: referral.assignedToName ?? null,
    pathway: referral.pathway,
    releasedOn: referral.releasedOn ?? null,
    expectedReleaseOn: referral.expectedReleaseOn ?? null,
    daysSinceRelease: progress.daysSinceRelease,
    windowClosesOn: progress.windowClosesOn,
    riskFlags: progress.riskFlags,
    nextAction: next,
    openAlerts: referral.openAlerts,
    priority: priorityAt(referral.urgentAt ?? next.dueAt, now),
    why: whyListed(
      {
        releasedOn: referral.releasedOn,
        expectedReleaseOn: referral.expectedReleaseOn,
        openAlerts: referral.openAlerts,
        next: { ...next, label: missedLabel(referral, label) },
        risks: progress.riskFlags,
      },
      now,
    ),
  };
}

/** A missed first appointment asks for a new one, not a check that it was attended. */
const missedLabel = (referral: StoredReferral, label: string) =>
  referral.nextDueRule === 'first_appointment_missed' &&
  referral.riskFlags?.includes('missed_first_appointment')
    ? 'Book a new first appointment'
    : label;

export type WorklistItem = ReturnType<typeof worklistItem>;

/**
 * A page of the worklist (API.md "Cases staff can correct and plan"): the open cases of the
 * areas that need someone, most urgent first, one WorkIndex query per area. Each item's person
 * is read in one batch and the reads are audited.
 */
export async function worklistPage(
  deps: ReadDeps,
  actor: MemberActor,
  filter: WorklistFilter,
  pageRequest: () => Promise<PageRequest>,
): Promise<Page<WorklistItem>> {
  const { tenantId } = actor.principal;
  const now = deps.clock();
  const listed = await mergedPage(
    deps.table,
    {
      indexName: 'WorkIndex',
      indexKeys: ['workPK', 'workSK'],
      parts: filter.areas.map((areaId) => workPart(tenantId, areaId, filter, actor.memberId, now)),
    },
    await pageRequest(),
  );
  // The urgency the index orders by leads its sort key (keys.work).
  const referrals = listed.items.map((item) => ({
    ...listedReferral(item),
    urgentAt: String(item.workSK).split('#')[0],
  }));
  const people = await peopleListed(deps, actor, referrals);
  return {
    items: referrals.map((referral) => worklistItem(referral, people.get(referral.personId), now)),
    lastKey: listed.lastKey,
  };
}
