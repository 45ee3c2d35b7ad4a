import { correctionReasonProblem } from '../../../shared/domain/referral-corrections.ts';
import { earlierDateProblem, futureDateProblem } from '../../../shared/domain/referral-rules.ts';
import { bodyRules } from '../../../shared/http/body-rules.ts';
import { defineFeature } from '../../../shared/http/route-def.ts';
import { Id } from '../../../shared/schemas/common.ts';
import { Contact, Contacts, ContactsQuery, CreateContactBody } from '../../../shared/schemas/contact.ts';
import { Referral, UpdateReferralBody } from '../../../shared/schemas/referral.ts';
import { ReleasePlan, ReleasePlanBody } from '../../../shared/schemas/release-plan.ts';
import { Assignees } from '../../../shared/schemas/worklist.ts';
import * as z from '../../../shared/schemas/zod.ts';
import { AUDITED_READ, CASE_CHANGE, CASE_STAFF } from './common.ts';

const referralParams = z.object({ referralId: Id });

/**
 * The work on a case before and after a release: assigning, planning, moving and correcting it,
 * its release plan and the contacts with the person.
 */
export const routes = defineFeature('casework', {
  updateReferral: {
    method: 'PATCH',
    path: '/referrals/{referralId}',
    roles: CASE_STAFF,
    summary: 'Assign, plan, move or correct a case',
    params: referralParams,
    body: UpdateReferralBody,
    // The rules that need the case (what is recorded, its pathway, its area) run once it is read.
    rules: bodyRules(UpdateReferralBody, (body, { now }) => ({
      releasedOn: futureDateProblem(body.releasedOn, now),
      engagedOn:
        futureDateProblem(body.engagedOn, now) ??
        earlierDateProblem(body.engagedOn, body.releasedOn, 'release date'),
      reason: correctionReasonProblem(body),
    })),
    response: Referral,
    conditional: true,
    // The case, the areas and the assignee, settings, then one transaction (referral, its alerts,
    // timeline and audit).
    access: { table: CASE_CHANGE },
  },
  listAssignees: {
    method: 'GET',
    path: '/referrals/{referralId}/assignees',
    roles: CASE_STAFF,
    summary: 'Who the case can be assigned to: caseworkers and managers of its area',
    params: referralParams,
    response: Assignees,
    // The case, then the partnership's members.
    access: { table: ['Query'] },
  },

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
