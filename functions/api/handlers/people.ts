import type { z } from 'zod';
import { actorOf, areasToList, requireAreaOf, requireOwnArea } from '../../../shared/auth/area-access.ts';
import { auditItem, recordReads } from '../../../shared/data/audit-repo.ts';
import { newId } from '../../../shared/data/ids.ts';
import * as people from '../../../shared/data/people-repo.ts';
import { nameKey } from '../../../shared/domain/name-key.ts';
import { normalisePrisonNumber, PRISON_NUMBER } from '../../../shared/domain/prison-number.ts';
import { checkDateOfBirth } from '../../../shared/domain/referral-rules.ts';
import { ValidationFailed } from '../../../shared/errors.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import type {
  CreatePersonBody,
  PeopleQuery,
  Person,
  UpdatePersonBody,
} from '../../../shared/schemas/person.ts';
import { route } from '../routes.ts';

type PersonParams = { personId: string };

/** `POST /people`: a caseworker or manager adds a person in one of their areas. */
export const createPerson = apiHandler<unknown, unknown, z.output<typeof CreatePersonBody>>(
  route('createPerson'),
  async (request, deps) => {
    const actor = actorOf(request);
    const { tenantId } = actor.principal;
    const now = deps.clock();
    requireOwnArea(actor.principal, request.body.areaId);
    checkDateOfBirth(request.body.dateOfBirth, now);
    const personId = newId(now);
    const audit = auditItem(
      tenantId,
      { personId, action: 'create', record: 'person', recordId: personId },
      actor,
      now,
    );
    const person = await people.createPerson(deps.table, tenantId, personId, request.body, now, [
      { Put: { TableName: deps.table.name, Item: audit } },
    ]);
    return { status: 201, body: person };
  },
);

/** Splits a search into a family-name prefix and an optional given-name prefix ("Sam Patel"). */
function nameSearch(q: string): { family: string; given?: string } {
  const words = q.split(/[\s,]+/).filter(Boolean);
  if (words.length < 2) return { family: nameKey(q) };
  const hasComma = q.includes(',');
  const family = hasComma ? words[0] : words.at(-1);
  const given = hasComma ? words[1] : words[0];
  return { family: nameKey(family ?? ''), given: nameKey(given ?? '') || undefined };
}

/** Search position across several areas: which area, and where in it. */
interface SearchCursor {
  area: number;
  key?: Record<string, unknown>;
}

/**
 * `GET /people?q=&areaId=`: find people by prison number, or by name within the caller's areas.
 * Every person listed is audited as read by search.
 */
export const listPeople = apiHandler<unknown, z.output<typeof PeopleQuery>>(
  route('listPeople'),
  async (request, deps) => {
    const actor = actorOf(request);
    const { tenantId } = actor.principal;
    const { q, limit, cursor } = request.query;
    const areas = areasToList(actor.principal, request.query.areaId);
    let found: Person[] = [];
    let nextCursor: string | undefined;
    const prisonNumber = normalisePrisonNumber(q);
    if (PRISON_NUMBER.test(prisonNumber)) {
      const personId = await people.personIdByPrisonNumber(deps.table, tenantId, prisonNumber);
      const person = personId ? await people.findPerson(deps.table, tenantId, personId) : undefined;
      found = person && areas.includes(person.areaId) ? [person] : [];
    } else {
      const { family, given } = nameSearch(q);
      if (!family) {
        throw new ValidationFailed('Search by a name or a prison number.', {
          q: `must hold letters of a name or a prison number, got ${JSON.stringify(q)}`,
        });
      }
      const codec = await deps.cursors();
      const scope = `${tenantId}|${actor.memberId}|listPeople|${q}|${areas.join(',')}`;
      let position = (codec.decode(cursor, scope) as SearchCursor | undefined) ?? { area: 0 };
      while (found.length < limit && position.area < areas.length) {
        const page = await people.searchPeopleInArea(
          deps.table,
          tenantId,
          areas[position.area] as string,
          family,
          given,
          {
            limit: limit - found.length,
            startKey: position.key,
          },
        );
        found.push(...page.items);
        position = page.lastKey ? { area: position.area, key: page.lastKey } : { area: position.area + 1 };
      }
      if (position.area < areas.length) nextCursor = codec.encode({ ...position }, scope);
    }
    await recordReads(
      deps.table,
      tenantId,
      found.map((person) => ({
        personId: person.id,
        action: 'search',
        record: 'person',
        recordId: person.id,
      })),
      actor,
      deps.clock(),
    );
    return { body: nextCursor ? { items: found, nextCursor } : { items: found } };
  },
);

/** `GET /people/{personId}`: one person of the caller's areas; the read is audited. */
export const getPerson = apiHandler<PersonParams>(route('getPerson'), async (request, deps) => {
  const actor = actorOf(request);
  const person = await people.getPerson(deps.table, actor.principal.tenantId, request.params.personId);
  requireAreaOf(actor.principal, person.areaId, 'person');
  await recordReads(
    deps.table,
    actor.principal.tenantId,
    [{ personId: person.id, action: 'read', record: 'person', recordId: person.id }],
    actor,
    deps.clock(),
  );
  return { body: person };
});

/** `PATCH /people/{personId}`: change a person's details; the change is audited in the same write. */
export const updatePerson = apiHandler<PersonParams, unknown, z.output<typeof UpdatePersonBody>>(
  route('updatePerson'),
  async (request, deps) => {
    const actor = actorOf(request);
    const { tenantId } = actor.principal;
    const now = deps.clock();
    const current = await people.getPerson(deps.table, tenantId, request.params.personId);
    requireAreaOf(actor.principal, current.areaId, 'person');
    if (request.body.areaId) requireOwnArea(actor.principal, request.body.areaId);
    if (request.body.dateOfBirth) checkDateOfBirth(request.body.dateOfBirth, now);
    const audit = auditItem(
      tenantId,
      { personId: current.id, action: 'update', record: 'person', recordId: current.id },
      actor,
      now,
    );
    const updated = await people.updatePerson(
      deps.table,
      tenantId,
      current,
      request.ifMatch,
      request.body,
      now,
      [{ Put: { TableName: deps.table.name, Item: audit } }],
    );
    return { body: updated };
  },
);
