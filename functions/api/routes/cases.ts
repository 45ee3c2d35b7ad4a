import { defineFeature } from '../../../shared/http/route-def.ts';
import { AuditTrail } from '../../../shared/schemas/audit.ts';
import { Caseload, CaseView, Timeline } from '../../../shared/schemas/case-view.ts';
import { Id, ListQuery, listOf } from '../../../shared/schemas/common.ts';
import { CreatePersonBody, PeopleQuery, Person, UpdatePersonBody } from '../../../shared/schemas/person.ts';
import {
  Appointment,
  AuditQuery,
  CaseloadQuery,
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
import { AUDITED_READ, CASE_CHANGE, CASE_STAFF } from './common.ts';

const personParams = z.object({ personId: Id });
const referralParams = z.object({ referralId: Id });
const appointmentParams = z.object({ referralId: Id, appointmentId: Id });

/** People, their cases and everything recorded on a case, with its audit trail. */
export const routes = defineFeature('cases', {
  createPerson: {
    method: 'POST',
    path: '/people',
    roles: CASE_STAFF,
    summary: 'Add a person in one of your areas',
    body: CreatePersonBody,
    response: Person,
    status: 201,
    idempotent: true,
    // Person, prison-number lock and audit record put together; a duplicate reads the holder.
    access: { table: ['PutItem', 'GetItem'] },
  },
  listPeople: {
    method: 'GET',
    path: '/people',
    roles: CASE_STAFF,
    summary: 'Find people by name or prison number, within your areas',
    query: PeopleQuery,
    response: listOf(Person),
    // A prison number is a GetItem of its lock and the person; a name search queries GSI1.
    access: { table: ['GetItem', ...AUDITED_READ], indexes: ['GSI1'] },
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
    response: Person,
    conditional: true,
    // Update the person, move the prison-number lock (delete, put) and put the audit record.
    access: { table: ['GetItem', 'UpdateItem', 'DeleteItem', 'PutItem'] },
  },
  createReferral: {
    method: 'POST',
    path: '/people/{personId}/referrals',
    roles: CASE_STAFF,
    summary: 'Put a person on a pathway',
    params: personParams,
    body: CreateReferralBody,
    response: Referral,
    status: 201,
    idempotent: true,
    // Person, assignee and settings, then the referral put with the person's list updated.
    access: { table: ['GetItem', 'PutItem', 'UpdateItem'] },
  },
  listReferrals: {
    method: 'GET',
    path: '/referrals',
    roles: CASE_STAFF,
    summary: 'Caseload of your areas, overdue first',
    query: CaseloadQuery,
    response: Caseload,
    // The caseload of each area from GSI1, the people in one batch read, and the audit records.
    access: { table: ['BatchGetItem', ...AUDITED_READ], indexes: ['GSI1'] },
  },
  getReferral: {
    method: 'GET',
    path: '/referrals/{referralId}',
    roles: CASE_STAFF,
    summary: 'A case with its person summary, appointments and alerts',
    params: referralParams,
    response: CaseView,
    access: { table: ['Query', 'GetItem', ...AUDITED_READ] },
  },
  getTimeline: {
    method: 'GET',
    path: '/referrals/{referralId}/timeline',
    roles: CASE_STAFF,
    summary: 'Every event of the case, with who and when',
    params: referralParams,
    query: ListQuery,
    response: Timeline,
    access: { table: ['Query', ...AUDITED_READ] },
  },
  recordRelease: {
    method: 'POST',
    path: '/referrals/{referralId}/release',
    roles: CASE_STAFF,
    summary: 'Record the release from prison; the alert clock starts',
    params: referralParams,
    body: ReleaseBody,
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
    response: Referral,
    status: 201,
    idempotent: true,
    access: { table: CASE_CHANGE },
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
