import { actorOf } from '../../../shared/auth/area-access.ts';
import { referPerson } from '../../../shared/cases/create-referral.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { routes } from '../routes/cases.ts';

/** `POST /people/{personId}/referrals`: put a person on a pathway (201). */
export const createReferral = apiHandler(routes.createReferral, async (request, deps) => ({
  body: await referPerson(deps, actorOf(request), request.params.personId, request.body),
}));
