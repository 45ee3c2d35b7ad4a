import { memberOf } from '../../../shared/auth/principal.ts';
import * as suites from '../../../shared/data/custody-suites-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { custodySuitesOfForce, POLICE_FORCES } from '../../../shared/reference/custody-suites-register.ts';
import { ESTABLISHMENTS } from '../../../shared/reference/establishments.ts';
import { addCustodySuite, changeCustodySuite } from '../../../shared/registers/custody-suites.ts';
import { routes } from '../routes/registers.ts';

/** `GET /establishments`: the national register of prisons, the same for every partnership. */
export const listEstablishments = apiHandler(routes.listEstablishments, async () => ({
  body: { items: ESTABLISHMENTS.map(({ code, name }) => ({ code, name })) },
  headers: { 'cache-control': 'private, max-age=3600' },
}));

/** `GET /custody-suites`: the partnership's custody suites. */
export const listCustodySuites = apiHandler(routes.listCustodySuites, async ({ principal, query }, deps) => {
  const { tenantId } = memberOf(principal);
  const scope = cursorScope([tenantId], 'listCustodySuites');
  return {
    body: await listPage(deps, query, scope, async (page) =>
      suites.listCustodySuites(deps.table, tenantId, await page()),
    ),
  };
});

/** `GET /custody-suites/suggestions`: the public register's forces, and the suites of one. */
export const suggestCustodySuites = apiHandler(routes.suggestCustodySuites, async ({ query }) => ({
  body: {
    policeForces: [...POLICE_FORCES],
    items: query.policeForce
      ? custodySuitesOfForce(query.policeForce).map(({ name, policeForce }) => ({ name, policeForce }))
      : [],
  },
}));

/** `POST /custody-suites`: the chair adds a suite. */
export const createCustodySuite = apiHandler(
  routes.createCustodySuite,
  async ({ principal, body }, deps) => ({
    body: await addCustodySuite(deps, memberOf(principal).tenantId, body),
  }),
);

/** `GET /custody-suites/{custodySuiteId}`: one suite. */
export const getCustodySuite = apiHandler(routes.getCustodySuite, async ({ principal, params }, deps) => ({
  body: await suites.getCustodySuite(deps.table, memberOf(principal).tenantId, params.custodySuiteId),
}));

/** `PATCH /custody-suites/{custodySuiteId}`: the chair changes a suite. */
export const updateCustodySuite = apiHandler(
  routes.updateCustodySuite,
  async ({ principal, params, body, ifMatch }, deps) => ({
    body: await changeCustodySuite(deps, memberOf(principal).tenantId, params.custodySuiteId, ifMatch, body),
  }),
);
