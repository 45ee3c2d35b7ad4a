import { ownAreaProblem } from '../../../shared/auth/area-access.ts';
import { dateOfBirthProblem } from '../../../shared/domain/referral-rules.ts';
import { bodyRules } from '../../../shared/http/body-rules.ts';
import { defineFeature } from '../../../shared/http/route-def.ts';
import { AuditTrail } from '../../../shared/schemas/audit.ts';
import { Id, listOf } from '../../../shared/schemas/common.ts';
import {
  CreatePersonBody,
  FoundPerson,
  PeopleQuery,
  Person,
  UpdatePersonBody,
} from '../../../shared/schemas/person.ts';
import { AuditQuery } from '../../../shared/schemas/referral.ts';
import * as z from '../../../shared/schemas/zod.ts';
import { AUDITED_READ, CASE_STAFF } from './common.ts';

const personParams = z.object({ personId: Id });

/** People: finding, adding and changing a person of the caller's areas, and the audit of their records. */
export const routes = defineFeature('people', {
  createPerson: {
    method: 'POST',
    path: '/people',
    roles: CASE_STAFF,
    summary:
      'Add a person in one of your areas (409 possible_duplicate names the people who may be them, by id)',
    body: CreatePersonBody,
    rules: bodyRules(CreatePersonBody, (body, { now, areaIds }) => ({
      areaId: ownAreaProblem(areaIds, body.areaId),
      dateOfBirth: dateOfBirthProblem(body.dateOfBirth, now),
    })),
    response: Person,
    status: 201,
    idempotent: true,
    // Possible duplicates are two prefix queries of the lookup items; then the person, prison-number
    // lock, lookup items and audit record put together; a duplicate reads the holder.
    access: { table: ['Query', 'PutItem', 'GetItem'] },
  },
  listPeople: {
    method: 'GET',
    path: '/people',
    roles: CASE_STAFF,
    summary: 'Find people by name, prison number, NHS number or case reference, within your areas',
    query: PeopleQuery,
    response: listOf(FoundPerson),
    // A prison number is a GetItem of its lock and the person; an NHS number or case reference a
    // Query of its lookup items and a batch read of the people; a family name queries GSI1, a
    // given name GSI2.
    access: { table: ['GetItem', 'Query', 'BatchGetItem', ...AUDITED_READ], indexes: ['GSI1', 'GSI2'] },
  },
  getPerson: {
    method: 'GET',
    path: '/people/{personId}',
    roles: CASE_STAFF,
    summary: 'One person (the read is audited)',
    params: personParams,
    response: Person,
    access: { table: ['GetItem', ...AUDITED_READ] },
  },
  updatePerson: {
    method: 'PATCH',
    path: '/people/{personId}',
    roles: CASE_STAFF,
    summary: "Change a person's details",
    params: personParams,
    body: UpdatePersonBody,
    // A new area is checked once the person is found: another area's person answers 404 first.
    rules: bodyRules(UpdatePersonBody, (body, { now }) => ({
      dateOfBirth: dateOfBirthProblem(body.dateOfBirth, now),
    })),
    response: Person,
    conditional: true,
    // Update the person, move the prison-number lock and the lookup items (delete, put) and put
    // the audit record.
    access: { table: ['GetItem', 'UpdateItem', 'DeleteItem', 'PutItem'] },
  },
  getAudit: {
    method: 'GET',
    path: '/audit',
    roles: ['manager'],
    summary: "Who read or changed a person's records",
    query: AuditQuery,
    response: AuditTrail,
    // The person (to check the area), then a page of their audit records.
    access: { table: ['GetItem', 'Query'] },
  },
});
