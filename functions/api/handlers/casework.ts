import { actorOf } from '../../../shared/auth/area-access.ts';
import { assigneesOf } from '../../../shared/cases/assignees.ts';
import { listContacts as contactsOfCase, recordContact } from '../../../shared/cases/contacts.ts';
import { saveReleasePlan } from '../../../shared/cases/release-plan.ts';
import { updateReferral as editReferral } from '../../../shared/cases/update-referral.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { optionalIfMatch } from '../../../shared/http/if-match.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/casework.ts';

/** `PUT /referrals/{referralId}/release-plan`: the whole plan; If-Match with its version once one exists. */
export const putReleasePlan = apiHandler(routes.putReleasePlan, async (request, deps) => ({
  body: await saveReleasePlan(
    deps,
    actorOf(request),
    request.params.referralId,
    request.body,
    optionalIfMatch(request.event.headers?.['if-match']),
  ),
}));

/** `POST /referrals/{referralId}/contacts`: a contact with the person (201). */
export const createContact = apiHandler(routes.createContact, async (request, deps) => ({
  body: await recordContact(deps, actorOf(request), request.params.referralId, request.body),
}));

/** `GET /referrals/{referralId}/contacts`: the case's contacts, newest first. */
export const listContacts = apiHandler(routes.listContacts, async (request, deps) => {
  const actor = actorOf(request);
  const { referralId } = request.params;
  const scope = cursorScope([actor.principal.tenantId], 'listContacts', referralId);
  return {
    body: await listPage(deps, request.query, scope, (page) => contactsOfCase(deps, actor, referralId, page)),
  };
});

/** `PATCH /referrals/{referralId}`: assign, plan, move or correct the case (If-Match required). */
export const updateReferral = apiHandler(routes.updateReferral, async (request, deps) => ({
  body: await editReferral(deps, actorOf(request), request.params.referralId, request.body, request.ifMatch),
}));

/** `GET /referrals/{referralId}/assignees`: who the case can be assigned to. */
export const listAssignees = apiHandler(routes.listAssignees, async (request, deps) => ({
  body: await assigneesOf(deps, actorOf(request), request.params.referralId),
}));
