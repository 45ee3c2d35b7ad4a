import { defineFeature } from '../../../shared/http/route-def.ts';
import { Id } from '../../../shared/schemas/common.ts';
import { Contact, Contacts, ContactsQuery, CreateContactBody } from '../../../shared/schemas/contact.ts';
import { ReleasePlan, ReleasePlanBody } from '../../../shared/schemas/release-plan.ts';
import * as z from '../../../shared/schemas/zod.ts';
import { AUDITED_READ, CASE_CHANGE, CASE_STAFF } from './common.ts';

const referralParams = z.object({ referralId: Id });

/** The work before and after a release: the release plan and the contacts with the person. */
export const routes = defineFeature('plans', {
  putReleasePlan: {
    method: 'PUT',
    path: '/referrals/{referralId}/release-plan',
    roles: CASE_STAFF,
    summary: 'Record or replace the release plan (If-Match with its version once one exists)',
    params: referralParams,
    body: ReleasePlanBody,
    response: ReleasePlan,
    access: { table: CASE_CHANGE },
  },
  createContact: {
    method: 'POST',
    path: '/referrals/{referralId}/contacts',
    roles: CASE_STAFF,
    summary: 'Record a contact with the person, before or after release',
    params: referralParams,
    body: CreateContactBody,
    response: Contact,
    status: 201,
    idempotent: true,
    access: { table: CASE_CHANGE },
  },
  listContacts: {
    method: 'GET',
    path: '/referrals/{referralId}/contacts',
    roles: CASE_STAFF,
    summary: 'Contacts with the person, newest first',
    params: referralParams,
    query: ContactsQuery,
    response: Contacts,
    access: { table: ['Query', ...AUDITED_READ] },
  },
});
