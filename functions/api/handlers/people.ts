import { actorOf, areasToList } from '../../../shared/auth/area-access.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { addPerson, changePerson, findPeople, readPerson } from '../../../shared/people/people.ts';
import { routes } from '../routes/people.ts';

/**
 * `POST /people`: a caseworker or manager adds a person in one of their areas (201), unless
 * someone in the partnership may be the same person (409 `possible_duplicate`).
 */
export const createPerson = apiHandler(routes.createPerson, async (request, deps) => ({
  body: await addPerson(deps, actorOf(request), request.body),
}));

/**
 * `GET /people?q=&areaId=`: find people by prison number, or by name within the caller's areas.
 * Every person listed is audited as read by search.
 */
export const listPeople = apiHandler(routes.listPeople, async (request, deps) => {
  const actor = actorOf(request);
  const { q } = request.query;
  const areas = areasToList(actor.principal, request.query.areaId);
  const scope = cursorScope([actor.principal.tenantId, actor.memberId], 'listPeople', q, areas.join(','));
  return {
    body: await listPage(deps, request.query, scope, (page) => findPeople(deps, actor, { q, areas }, page)),
  };
});

/** `GET /people/{personId}`: one person of the caller's areas; the read is audited. */
export const getPerson = apiHandler(routes.getPerson, async (request, deps) => ({
  body: await readPerson(deps, actorOf(request), request.params.personId),
}));

/** `PATCH /people/{personId}`: change a person's details; the change is audited in the same write. */
export const updatePerson = apiHandler(routes.updatePerson, async (request, deps) => ({
  body: await changePerson(deps, actorOf(request), request.params.personId, request.ifMatch, request.body),
}));
