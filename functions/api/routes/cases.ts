import { establishmentProblem } from '../../../shared/domain/establishment-rules.ts';
import { pathwayDetailProblems } from '../../../shared/domain/pathway-details.ts';
import {
  earlierDateProblem,
  expectedReleaseProblem,
  futureDateProblem,
  rescheduleProblem,
} from '../../../shared/domain/referral-rules.ts';
import { bodyRules } from '../../../shared/http/body-rules.ts';
import { defineFeature } from '../../../shared/http/route-def.ts';
import { Id } from '../../../shared/schemas/common.ts';
import {
  Appointment,
  CloseBody,
  CreateAppointmentBody,
  CreateReferralBody,
  EngagementBody,
  OffenceBody,
  Referral,
  ReleaseBody,
  UpdateAppointmentBody,
} from '../../../shared/schemas/referral.ts';
import * as z from '../../../shared/schemas/zod.ts';
import { CASE_CHANGE, CASE_STAFF } from './common.ts';

const personParams = z.object({ personId: Id });
const referralParams = z.object({ referralId: Id });
const appointmentParams = z.object({ referralId: Id, appointmentId: Id });

/** Cases: putting a person on a pathway, and recording each step of the chain on it. */
export const routes = defineFeature('cases', {
  createReferral: {
    method: 'POST',
    path: '/people/{personId}/referrals',
    roles: CASE_STAFF,
    summary: 'Put a person on a pathway',
    params: personParams,
    body: CreateReferralBody,
    // The area is checked once the person is found: another area's person answers 404 first.
    rules: bodyRules(CreateReferralBody, (body, { now }) => ({
      referredOn: futureDateProblem(body.referredOn, now),
      expectedReleaseOn:
        expectedReleaseProblem(body.pathway, body.expectedReleaseOn) ??
        earlierDateProblem(body.expectedReleaseOn, body.referredOn, 'referral date'),
      ...pathwayDetailProblems(body.pathway, body, now, { requireAll: true }),
    })),
    response: Referral,
    status: 201,
    idempotent: true,
    // Person, assignee and settings, then the referral put with the person's list updated.
    access: { table: ['GetItem', 'PutItem', 'UpdateItem'] },
  },
  recordRelease: {
    method: 'POST',
    path: '/referrals/{referralId}/release',
    roles: CASE_STAFF,
    summary: 'Record the release from prison; the alert clock starts',
    params: referralParams,
    body: ReleaseBody,
    rules: bodyRules(ReleaseBody, (body, { now }) => ({
      releasedOn: futureDateProblem(body.releasedOn, now),
      establishment: establishmentProblem(body.establishment),
    })),
    response: Referral,
    idempotent: true,
    access: { table: CASE_CHANGE },
  },
  createAppointment: {
    method: 'POST',
    path: '/referrals/{referralId}/appointments',
    roles: CASE_STAFF,
    summary: 'Book an appointment',
    params: referralParams,
    body: CreateAppointmentBody,
    response: Appointment,
    status: 201,
    idempotent: true,
    access: { table: CASE_CHANGE },
  },
  updateAppointment: {
    method: 'PATCH',
    path: '/referrals/{referralId}/appointments/{appointmentId}',
    roles: CASE_STAFF,
    summary: 'Mark an appointment attended, missed or cancelled, or move it',
    params: appointmentParams,
    body: UpdateAppointmentBody,
    rules: bodyRules(UpdateAppointmentBody, (body) => ({ at: rescheduleProblem(body.status, body.at) })),
    response: Appointment,
    conditional: true,
    // A missed first appointment also raises its alert at once, and publishes it.
    access: { table: CASE_CHANGE, publishes: true },
  },
  recordEngagement: {
    method: 'POST',
    path: '/referrals/{referralId}/engagement',
    roles: CASE_STAFF,
    summary: 'Record the treatment start',
    params: referralParams,
    body: EngagementBody,
    rules: bodyRules(EngagementBody, (body, { now }) => ({
      startedOn: futureDateProblem(body.startedOn, now),
    })),
    response: Referral,
    idempotent: true,
    access: { table: CASE_CHANGE },
  },
  closeReferral: {
    method: 'POST',
    path: '/referrals/{referralId}/close',
    roles: CASE_STAFF,
    summary: 'Close the case with its reason',
    params: referralParams,
    body: CloseBody,
    rules: bodyRules(CloseBody, (body, { now }) => ({ closedOn: futureDateProblem(body.closedOn, now) })),
    response: Referral,
    idempotent: true,
    access: { table: CASE_CHANGE },
  },
  recordOffence: {
    method: 'POST',
    path: '/referrals/{referralId}/offences',
    roles: CASE_STAFF,
    summary: 'Record a further offence',
    params: referralParams,
    body: OffenceBody,
    rules: bodyRules(OffenceBody, (body, { now }) => ({
      offendedOn: futureDateProblem(body.offendedOn, now),
    })),
    response: Referral,
    status: 201,
    idempotent: true,
    access: { table: CASE_CHANGE },
  },
});
