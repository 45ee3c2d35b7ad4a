import type { Clock } from '../adapters/ports.ts';
import { type MemberActor, requireAreaOf, requireOwnArea } from '../auth/area-access.ts';
import { type AuditEntry, auditItem, recordReads } from '../data/audit-repo.ts';
import { newId } from '../data/ids.ts';
import { keys } from '../data/keys.ts';
import * as people from '../data/people-repo.ts';
import type { Page, PageRequest } from '../data/query-page.ts';
import type { Table } from '../data/table.ts';
import { getMany, putItem } from '../data/table-io.ts';
import { referenceIn } from '../domain/case-reference.ts';
import { nameKey } from '../domain/name-key.ts';
import { normalisePrisonNumber, PRISON_NUMBER } from '../domain/prison-number.ts';
import { checkDateOfBirth } from '../domain/referral-rules.ts';
import { PossibleDuplicate, ValidationFailed } from '../errors.ts';
import type { CreatePersonBody, Person, UpdatePersonBody } from '../schemas/person.ts';
import type * as z from '../schemas/zod.ts';
import { confirmedDifferent } from './possible-duplicates.ts';

export interface PeopleDeps {
  table: Table;
  clock: Clock;
}

/** The audit entry of one action on a person's own record. */
const onPerson = (personId: string, action: AuditEntry['action']): AuditEntry => ({
  personId,
  action,
  record: 'person',
  recordId: personId,
});

/**
 * A member adds a person in one of their areas; the creation is audited in the same write. A
 * person of the partnership (in any area) with the same NHS number, or the same date of birth
 * and family name, stops it with `PossibleDuplicate` until `notDuplicateOf` names every one.
 */
export async function addPerson(
  deps: PeopleDeps,
  actor: MemberActor,
  body: z.output<typeof CreatePersonBody>,
): Promise<Person> {
  const { tenantId } = actor.principal;
  const now = deps.clock();
  const { notDuplicateOf = [], ...fields } = body;
  requireOwnArea(actor.principal, fields.areaId);
  checkDateOfBirth(fields.dateOfBirth, now);
  const candidates = await people.possibleDuplicatesOf(deps.table, tenantId, fields);
  if (!confirmedDifferent(candidates, notDuplicateOf)) {
    // A held prison number is the same person for certain: that answer says more than "maybe".
    if (fields.prisonNumber) await people.requirePrisonNumberFree(deps.table, tenantId, fields.prisonNumber);
    throw new PossibleDuplicate(candidates);
  }
  const personId = newId(now);
  const audit = auditItem(tenantId, onPerson(personId, 'create'), actor, now);
  return people.createPerson(deps.table, tenantId, personId, fields, now, [putItem(audit)]);
}

/** A member changes a person of their areas at the version they read; audited in the same write. */
export async function changePerson(
  deps: PeopleDeps,
  actor: MemberActor,
  personId: string,
  ifMatch: number,
  body: z.output<typeof UpdatePersonBody>,
): Promise<Person> {
  const { tenantId } = actor.principal;
  const now = deps.clock();
  const current = await people.getPerson(deps.table, tenantId, personId);
  requireAreaOf(actor.principal, current.areaId, 'person');
  if (body.areaId) requireOwnArea(actor.principal, body.areaId);
  if (body.dateOfBirth) checkDateOfBirth(body.dateOfBirth, now);
  const audit = auditItem(tenantId, onPerson(current.id, 'update'), actor, now);
  return people.updatePerson(deps.table, tenantId, current, ifMatch, body, now, [putItem(audit)]);
}

/** A member reads a person of their areas; the read is audited. */
export async function readPerson(deps: PeopleDeps, actor: MemberActor, personId: string): Promise<Person> {
  const person = await people.getPerson(deps.table, actor.principal.tenantId, personId);
  requireAreaOf(actor.principal, person.areaId, 'person');
  await recordReads(deps.table, actor.principal.tenantId, [onPerson(person.id, 'read')], actor, deps.clock());
  return person;
}

/** Splits a search into a family-name prefix and an optional given-name prefix ("Sam Patel"). */
function nameSearch(q: string): { family: string; given?: string } {
  const words = q.split(/[\s,]+/).filter(Boolean);
  if (words.length < 2) return { family: nameKey(q) };
  const hasComma = q.includes(',');
  const family = hasComma ? words[0] : words.at(-1);
  const given = hasComma ? words[1] : words[0];
  return { family: nameKey(family ?? ''), given: nameKey(given ?? '') || undefined };
}

/**
 * Search position across several areas: which area, where in it, and for a one-word search
 * whether family names are done and given names are being read.
 */
export interface SearchPosition {
  area: number;
  key?: Record<string, unknown>;
  given?: boolean;
}

/** The area of each case, by id (one batch read of a few attributes). */
async function areasOfCases(table: Table, tenantId: string, referralIds: readonly string[]) {
  const items = await getMany(
    table,
    referralIds.map((referralId) => keys.referral(tenantId, referralId)),
  );
  return new Map(items.map((item) => [String(item.id), String(item.areaId)]));
}

/** The people a search names exactly (an NHS number or a case reference), or undefined for a name search. */
async function exactMatches(
  deps: PeopleDeps,
  tenantId: string,
  q: string,
): Promise<(Person & { referralId?: string; visibleIn?: string })[] | undefined> {
  const prisonNumber = normalisePrisonNumber(q);
  if (PRISON_NUMBER.test(prisonNumber)) {
    const personId = await people.personIdByPrisonNumber(deps.table, tenantId, prisonNumber);
    const person = personId ? await people.findPerson(deps.table, tenantId, personId) : undefined;
    return person ? [person] : [];
  }
  const reference = referenceIn(q);
  if (reference) {
    // A case is found by the area that holds it, which a move may have made another than its
    // person's: the found item says where, and the search keeps only the caller's.
    const cases = await people.casesByReference(deps.table, tenantId, reference);
    const [found, held] = await Promise.all([
      people.getPeople(
        deps.table,
        tenantId,
        cases.map((one) => one.personId),
      ),
      areasOfCases(
        deps.table,
        tenantId,
        cases.map((one) => one.referralId),
      ),
    ]);
    return cases.flatMap((one) => {
      const person = found.get(one.personId);
      const areaId = held.get(one.referralId);
      return person && areaId ? [{ ...person, referralId: one.referralId, visibleIn: areaId }] : [];
    });
  }
  const nhsNumber = q.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(nhsNumber)) {
    const ids = await people.peopleByNhsNumber(deps.table, tenantId, nhsNumber);
    return [...(await people.getPeople(deps.table, tenantId, ids)).values()];
  }
  return undefined;
}

export interface PeopleSearch {
  q: string;
  /** The areas searched, in order. */
  areas: readonly string[];
}

/**
 * Finds people by prison number, or by name within the given areas, a page at a time. Every
 * person found is audited as read by search. A name search reads the page it asks for (its start
 * key is a SearchPosition) and ends with where the following page starts; a prison number has
 * one page.
 */
export async function findPeople(
  deps: PeopleDeps,
  actor: MemberActor,
  search: PeopleSearch,
  page: () => Promise<PageRequest>,
): Promise<Page<Person & { referralId?: string }>> {
  const { tenantId } = actor.principal;
  const { q, areas } = search;
  let found: (Person & { referralId?: string })[] = [];
  let next: SearchPosition | undefined;
  const exact = await exactMatches(deps, tenantId, q);
  if (exact) {
    // Only people (or, by reference, cases) of the caller's areas: another area's finds no one.
    found = exact
      .filter((person) => areas.includes(person.visibleIn ?? person.areaId))
      .map(({ visibleIn: _visibleIn, ...person }) => person);
  } else {
    const { family, given } = nameSearch(q);
    if (!family) {
      throw new ValidationFailed('Search by a name, a prison number, an NHS number or a case reference.', {
        q: `must hold letters of a name, a prison number, an NHS number or a case reference, got ${JSON.stringify(q)}`,
      });
    }
    const { limit, startKey } = await page();
    let position = (startKey as SearchPosition | undefined) ?? { area: 0 };
    while (found.length < limit && position.area < areas.length) {
      const areaId = areas[position.area] as string;
      const request = { limit: limit - found.length, startKey: position.key };
      // One word is a family or a given name: family names first, then given names, area by area.
      const page = position.given
        ? await people.searchPeopleByGivenName(deps.table, tenantId, areaId, family, request)
        : await people.searchPeopleInArea(deps.table, tenantId, areaId, family, given, request);
      found.push(...page.items);
      if (page.lastKey) position = { ...position, key: page.lastKey };
      else if (!position.given && !given) position = { area: position.area, given: true };
      else position = { area: position.area + 1 };
    }
    if (position.area < areas.length) next = { ...position };
  }
  await recordReads(
    deps.table,
    tenantId,
    found.map((person) => onPerson(person.id, 'search')),
    actor,
    deps.clock(),
  );
  return { items: found, lastKey: next ? { ...next } : undefined };
}
