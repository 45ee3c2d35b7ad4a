import { MEMBER_ROLES } from '../../../shared/domain/values.ts';
import { defineFeature } from '../../../shared/http/route-def.ts';
import { Id, ListQuery, listOf } from '../../../shared/schemas/common.ts';
import {
  CreateCustodySuiteBody,
  CustodySuite,
  CustodySuiteSuggestions,
  CustodySuiteSuggestionsQuery,
  UpdateCustodySuiteBody,
} from '../../../shared/schemas/custody-suite.ts';
import { EstablishmentList } from '../../../shared/schemas/establishment.ts';
import * as z from '../../../shared/schemas/zod.ts';

const suiteParams = z.object({ custodySuiteId: Id });

/**
 * The registers cases name their places from: the national register of prisons, and the
 * partnership's own custody suites (with the public register's suites as suggestions).
 */
export const routes = defineFeature('registers', {
  listEstablishments: {
    method: 'GET',
    path: '/establishments',
    roles: MEMBER_ROLES,
    summary: 'The prisons of England and Wales, by NOMIS code and name (from HMPPS’s prison register)',
    response: EstablishmentList,
    // The register is in the bundle: nothing beyond the caller's membership is read.
    access: {},
  },
  listCustodySuites: {
    method: 'GET',
    path: '/custody-suites',
    roles: MEMBER_ROLES,
    summary: 'The police custody suites the partnership works in',
    query: ListQuery,
    response: listOf(CustodySuite),
    access: { table: ['Query'] },
  },
  suggestCustodySuites: {
    method: 'GET',
    path: '/custody-suites/suggestions',
    roles: ['chair'],
    summary:
      'The police forces of England and Wales, and the custody suites the public register lists for one',
    query: CustodySuiteSuggestionsQuery,
    response: CustodySuiteSuggestions,
    // The public register is in the bundle.
    access: {},
  },
  createCustodySuite: {
    method: 'POST',
    path: '/custody-suites',
    roles: ['chair'],
    summary: 'Add a custody suite',
    body: CreateCustodySuiteBody,
    response: CustodySuite,
    status: 201,
    idempotent: true,
    // The partnership's areas and suites are read to check the areas and that the name is new.
    access: { table: ['Query', 'PutItem'] },
  },
  getCustodySuite: {
    method: 'GET',
    path: '/custody-suites/{custodySuiteId}',
    roles: MEMBER_ROLES,
    summary: 'One custody suite',
    params: suiteParams,
    response: CustodySuite,
    access: { table: ['GetItem'] },
  },
  updateCustodySuite: {
    method: 'PATCH',
    path: '/custody-suites/{custodySuiteId}',
    roles: ['chair'],
    summary: 'Change a custody suite',
    params: suiteParams,
    body: UpdateCustodySuiteBody,
    response: CustodySuite,
    conditional: true,
    access: { table: ['GetItem', 'Query', 'UpdateItem'] },
  },
});
