import type { MemberActor } from '../auth/area-access.ts';
import { recordListReads } from '../data/audit-repo.ts';
import { keys } from '../data/keys.ts';
import { mergedPage, type OrderedPart } from '../data/merged-page.ts';
import { getPeople } from '../data/people-repo.ts';
import type { StoredPersonSummary } from '../data/person-summary.ts';
import { type Page, type PageRequest, queryAll, slicePage } from '../data/query-page.ts';
import { listedReferral, type StoredReferral } from '../data/referrals-repo.ts';
import { type DueFilter, dueUpToKey, dueWindowEnd } from '../domain/caseload.ts';
import { addDays, londonDate } from '../domain/dates.ts';
import type { CaseloadSort } from '../schemas/referral.ts';
import { progressOf, withoutWorkAttributes } from './case-progress.ts';
import { personSummary, type ReadDeps } from './read-cases.ts';

export interface CaseloadFilter {
  areas: readonly string[];
  status?: StoredReferral['status'];
  pathway?: StoredReferral['pathway'];
  programme?: string;
  due?: DueFilter;
  assignee?: 'me' | 'unassigned' | 'all';
  releasingWithinDays?: number;
  sort?: CaseloadSort;
  order?: 'asc' | 'desc';
}

/** The filter expression of the filters no index key answers: status, pathway, programme, assignee. */
export function caseFilter(
  filter: Pick<CaseloadFilter, 'status' | 'pathway' | 'assignee' | 'programme'>,
  memberId: string,
  extra: { expression: string; values: Record<string, unknown> }[] = [],
) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.status && filter.status !== 'closed') {
    parts.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = filter.status;
  }
  if (filter.pathway) {
    parts.push('pathway = :pathway');
    values[':pathway'] = filter.pathway;
  }
  if (filter.programme) {
    parts.push('contains(programmes, :programme)');
    values[':programme'] = filter.programme;
  }
  if (filter.assignee === 'me') {
    parts.push('assignedTo = :me');
    values[':me'] = memberId;
  }
  if (filter.assignee === 'unassigned') parts.push('attribute_not_exists(assignedTo)');
  for (const one of extra) {
    parts.push(one.expression);
    Object.assign(values, one.values);
  }
  return parts.length
    ? {
        FilterExpression: parts.join(' AND '),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        values,
      }
    : { values };
}

/** The ordered index partition of one area's caseload, as the filter shapes it. */
function caseloadPart(tenantId: string, areaId: string, filter: CaseloadFilter, memberId: string, now: Date) {
  const { values, ...filtered } = caseFilter(filter, memberId);
  if (filter.releasingWithinDays) {
    const today = londonDate(now);
    const due = filter.due
      ? [{ expression: 'nextDueAt <= :dueBy', values: { ':dueBy': dueWindowEnd(filter.due, now) } }]
      : [];
    const { values: more, ...withDue } = caseFilter(filter, memberId, due);
    return {
      part: areaId,
      query: {
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
        ...withDue,
        ExpressionAttributeValues: {
          ':pk': keys.releasingPartition(tenantId, areaId),
          // From the earliest: a release expected already and not yet confirmed needs in-reach most.
          ':from': '0',
          ':to': `${addDays(today, filter.releasingWithinDays)}\uffff`,
          ...more,
        },
      },
    };
  }
  const open = filter.status !== 'closed';
  return {
    part: areaId,
    query: {
      KeyConditionExpression: filter.due ? 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to' : 'GSI1PK = :pk',
      ...filtered,
      ExpressionAttributeValues: {
        ':pk': keys.caseloadPartition(tenantId, areaId, open),
        ...(filter.due ? { ':from': 'A', ':to': dueUpToKey(dueWindowEnd(filter.due, now)) } : {}),
        ...values,
      },
    },
  } satisfies OrderedPart;
}

/** The value of each column the caseload sorts by, as text (absent when the case has none). */
const COLUMN: Record<
  Exclude<CaseloadSort, 'next_action'>,
  (referral: StoredReferral, people: Map<string, StoredPersonSummary>) => readonly string[] | undefined
> = {
  name: (referral, people) => {
    const person = people.get(referral.personId);
    return person && [person.familyName, person.givenName];
  },
  pathway: (referral) => [referral.pathway],
  status: (referral) => [referral.status],
  released: (referral) => (referral.releasedOn ? [referral.releasedOn] : undefined),
  expected_release: (referral) => (referral.expectedReleaseOn ? [referral.expectedReleaseOn] : undefined),
  referred: (referral) => [referral.referredOn],
  assignee: (referral) => (referral.assignedToName ? [referral.assignedToName] : undefined),
};

/** Compares two column values part by part (a family name, then a given name), as people read them. */
function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const byPart = (a[index] ?? '').localeCompare(b[index] ?? '', 'en-GB');
    if (byPart !== 0) return byPart;
  }
  return 0;
}

/**
 * The whole caseload of the areas sorted by a column (not the index's order): each area's
 * caseload is read whole, as the column may sit anywhere in it; ties keep caseload order.
 */
async function sortedCaseload(
  deps: ReadDeps,
  actor: MemberActor,
  filter: CaseloadFilter & { sort: Exclude<CaseloadSort, 'next_action'> },
  page: PageRequest,
): Promise<Page<StoredReferral>> {
  const { tenantId } = actor.principal;
  const now = deps.clock();
  const parts = filter.areas.map((areaId) => caseloadPart(tenantId, areaId, filter, actor.memberId, now));
  const index = filter.releasingWithinDays ? 'GSI2' : 'GSI1';
  const all = (
    await Promise.all(parts.map((part) => queryAll(deps.table, { ...part.query, IndexName: index })))
  )
    .flat()
    .map((item) => ({ item, referral: listedReferral(item) }));
  // Names from each case's own copy of its person (older cases: the person, read in batches).
  const people =
    filter.sort === 'name'
      ? await peopleOf(
          deps,
          tenantId,
          all.map(({ referral }) => referral),
        )
      : new Map<string, StoredPersonSummary>();
  const sign = filter.order === 'desc' ? -1 : 1;
  const columnOf = COLUMN[filter.sort];
  const rows = all.map((row) => ({ ...row, value: columnOf(row.referral, people) }));
  // A case without the column's value comes last in either order; ties keep caseload order.
  rows.sort(
    (a, b) =>
      Number(a.value === undefined) - Number(b.value === undefined) ||
      (a.value !== undefined && b.value !== undefined ? sign * compareValues(a.value, b.value) : 0) ||
      String(a.item.GSI1SK).localeCompare(String(b.item.GSI1SK)),
  );
  return slicePage(
    rows.map(({ referral }) => referral),
    page,
  );
}

/**
 * One page of the caseload of the given areas. In caseload order (overdue first) or by expected
 * release, a page is one query per area on an index ordered that way; sorted by another column,
 * the areas' caseloads are read whole and sorted.
 */
export async function caseloadOf(
  deps: ReadDeps,
  actor: MemberActor,
  filter: CaseloadFilter,
  page: PageRequest,
): Promise<Page<StoredReferral>> {
  // Cases expected to release are open by definition.
  if (filter.releasingWithinDays && filter.status === 'closed') return { items: [] };
  const sort = filter.sort ?? 'next_action';
  if (sort !== 'next_action') return sortedCaseload(deps, actor, { ...filter, sort }, page);
  const now = deps.clock();
  const { tenantId } = actor.principal;
  const listed = await mergedPage(
    deps.table,
    {
      indexName: filter.releasingWithinDays ? 'GSI2' : 'GSI1',
      indexKeys: filter.releasingWithinDays ? ['GSI2PK', 'GSI2SK'] : ['GSI1PK', 'GSI1SK'],
      parts: filter.areas.map((areaId) => caseloadPart(tenantId, areaId, filter, actor.memberId, now)),
      descending: filter.order === 'desc',
    },
    page,
  );
  return { ...listed, items: listed.items.map(listedReferral) };
}

/**
 * The people of a page of cases, by id: each case's own copy of its person, or for a case stored
 * before it kept one, the person read (in one batch).
 */
export async function peopleOf(
  deps: ReadDeps,
  tenantId: string,
  page: readonly StoredReferral[],
): Promise<Map<string, StoredPersonSummary>> {
  const people = new Map<string, StoredPersonSummary>();
  for (const referral of page)
    if (referral.personSummary) people.set(referral.personId, referral.personSummary);
  const missing = page
    .filter((referral) => !people.has(referral.personId))
    .map((referral) => referral.personId);
  if (missing.length) {
    for (const [id, person] of await getPeople(deps.table, tenantId, missing)) {
      people.set(id, personSummary(person));
    }
  }
  return people;
}

/**
 * The people a page of cases names, with their listing audited: both at once, as they are
 * independent. The caseload and the worklist name their people through this.
 */
export async function peopleListed(deps: ReadDeps, actor: MemberActor, page: readonly StoredReferral[]) {
  const { tenantId } = actor.principal;
  const [people] = await Promise.all([
    peopleOf(deps, tenantId, page),
    recordListReads(
      deps.table,
      tenantId,
      page.map((referral) => ({
        personId: referral.personId,
        record: 'referral' as const,
        recordId: referral.id,
      })),
      actor,
      deps.clock(),
    ),
  ]);
  return people;
}

/** One page of a caseload as the list shows it: with each person's summary; the reads are audited. */
export async function caseloadRows(deps: ReadDeps, actor: MemberActor, page: readonly StoredReferral[]) {
  const now = deps.clock();
  const peopleById = await peopleListed(deps, actor, page);
  return page.map((referral) => {
    const person = peopleById.get(referral.personId);
    const progress = progressOf(referral, now);
    const { personSummary: _copy, ...shown } = withoutWorkAttributes(referral);
    return {
      ...shown,
      person,
      overdue: progress.nextAction?.overdue ?? false,
      nextAction: progress.nextAction,
      daysSinceRelease: progress.daysSinceRelease,
      riskFlags: progress.riskFlags,
    };
  });
}

/** A page of the caseload, each row with its person's summary. */
export async function caseloadPage(
  deps: ReadDeps,
  actor: MemberActor,
  filter: CaseloadFilter,
  page: () => Promise<PageRequest>,
) {
  const listed = await caseloadOf(deps, actor, filter, await page());
  return { ...listed, items: await caseloadRows(deps, actor, listed.items) };
}
