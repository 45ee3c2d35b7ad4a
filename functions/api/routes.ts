import { ALL_ROLES, MEMBER_ROLES } from '../../shared/domain/values.ts';
import { defineRoutes, type RouteAccess, type RouteDef, type TableOp } from '../../shared/http/route-def.ts';
import {
  AcknowledgeBody,
  AlertCounts,
  AlertId,
  AlertSchema,
  AlertsQuery,
  ResolveBody,
} from '../../shared/schemas/alert.ts';
import { Area, CreateAreaBody, UpdateAreaBody } from '../../shared/schemas/area.ts';
import { AuditTrail } from '../../shared/schemas/audit.ts';
import { Caseload, CaseView, Timeline } from '../../shared/schemas/case-view.ts';
import { Id, ListQuery, listOf } from '../../shared/schemas/common.ts';
import { ReleaseImport, ReleaseTemplateCsv } from '../../shared/schemas/imports.ts';
import { CreateMemberBody, Me, Member, UpdateMemberBody } from '../../shared/schemas/member.ts';
import { OpenApiDocument } from '../../shared/schemas/openapi-document.ts';
import { ExportPage, OffboardResult, OperatorActions } from '../../shared/schemas/operator.ts';
import {
  CreatePartnershipBody,
  Partnership,
  UpdatePartnershipBody,
} from '../../shared/schemas/partnership.ts';
import { CreatePersonBody, PeopleQuery, Person, UpdatePersonBody } from '../../shared/schemas/person.ts';
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
} from '../../shared/schemas/referral.ts';
import { ContinuityReport, ReportQuery } from '../../shared/schemas/report.ts';
import {
  ContinuityReportCsv,
  EstablishmentReport,
  PathwayReport,
  TimeToEngagementReport,
} from '../../shared/schemas/report-views.ts';
import * as z from '../../shared/schemas/zod.ts';

const areaParams = z.object({ areaId: Id });
const memberParams = z.object({ memberId: Id });
const personParams = z.object({ personId: Id });
const referralParams = z.object({ referralId: Id });
const appointmentParams = z.object({ referralId: Id, appointmentId: Id });
/** Person-level records: provider staff only (DESIGN.md §2); chairs and analysts see aggregates. */
const CASE_STAFF = ['caseworker', 'manager'] as const;
const alertParams = z.object({ alertId: AlertId });
/** Aggregated reports: no person-level data, small numbers hidden for chairs and analysts. */
const REPORT_READERS = ['chair', 'manager', 'analyst'] as const;

/** shared/data/audit-repo.ts `recordReads`: person-level reads write their audit records in batches. */
const AUDITED_READ = ['BatchWriteItem'] as const satisfies readonly TableOp[];

/**
 * A case change (functions/api/case-change.ts, shared/alerts/raise-alerts.ts): read the case
 * (Query on the referral's items) and the partnership's settings (GetItem), then one
 * transaction that updates the referral and puts its timeline event, audit record,
 * appointment or alerts.
 */
const CASE_CHANGE = ['Query', 'GetItem', 'UpdateItem', 'PutItem'] as const satisfies readonly TableOp[];

/** Reports: partnership settings (GetItem), the areas (Query) and the month cohorts on GSI2. */
const REPORT = { table: ['GetItem', 'Query'], indexes: ['GSI2'] } as const satisfies RouteAccess;

/**
 * Every route of the HTTP API (API.md), keyed by operationId: the single source for the CDK
 * app, the local gateway, OpenAPI, throttling and each route's access. Handlers name their
 * route as `routes.<operationId>`, so a misspelt route fails to compile.
 */
export const routes = defineRoutes({
  getHealth: {
    method: 'GET',
    path: '/health',
    feature: 'public',
    roles: 'public',
    summary: 'Liveness check',
    response: z.object({ status: z.literal('ok') }),
  },
  getOpenApi: {
    method: 'GET',
    path: '/openapi.json',
    feature: 'public',
    roles: 'public',
    summary: 'OpenAPI 3.1 document of this API, generated from the zod schemas',
    response: OpenApiDocument,
  },
  getMe: {
    method: 'GET',
    path: '/me',
    feature: 'partnership',
    roles: ALL_ROLES,
    summary: 'The signed-in user, their role, areas and partnership',
    response: Me,
    // The partnership's name.
    access: { table: ['GetItem'] },
  },
  createPartnership: {
    method: 'POST',
    path: '/admin/partnerships',
    feature: 'admin',
    roles: ['operator'],
    summary: 'Create a partnership and invite its first chair',
    body: CreatePartnershipBody,
    response: z.object({ partnership: Partnership, chair: Member }),
    status: 201,
    idempotent: true,
    // The partnership and its first chair in one transaction of puts; Cognito invites the chair, and deletes the user again if the write fails.
    access: { table: ['PutItem'], identity: ['AdminCreateUser', 'AdminDeleteUser'] },
  },
  listPartnerships: {
    method: 'GET',
    path: '/admin/partnerships',
    feature: 'admin',
    roles: ['operator'],
    summary: 'List partnerships (no person-level data)',
    query: ListQuery,
    response: listOf(Partnership),
    // The operator's list is the one GSI1 partition `PARTNERSHIPS`.
    access: { indexes: ['GSI1'] },
  },
  exportPartnership: {
    method: 'GET',
    path: '/admin/partnerships/{partnershipId}/export',
    feature: 'admin',
    roles: ['operator'],
    summary: 'Export everything a partnership holds, as JSON lines, a page at a time (audited)',
    params: z.object({ partnershipId: Id }),
    query: z.object({ cursor: z.optional(z.string().check(z.maxLength(2048))) }),
    response: ExportPage,
    contentType: 'application/x-ndjson; charset=utf-8',
    // The partnership, a page of its partition, and the operator audit record.
    access: { table: ['GetItem', 'Query', 'PutItem'] },
  },
  offboardPartnership: {
    method: 'DELETE',
    path: '/admin/partnerships/{partnershipId}',
    feature: 'admin',
    roles: ['operator'],
    summary: 'Offboard a partnership: delete every item it holds (repeat until complete; audited)',
    params: z.object({ partnershipId: Id }),
    response: OffboardResult,
    // Members to sign out, then the partition deleted in batches, and the operator audit record.
    access: { table: ['GetItem', 'Query', 'BatchWriteItem', 'PutItem'], identity: ['AdminDeleteUser'] },
  },
  listOperatorActions: {
    method: 'GET',
    path: '/admin/audit',
    feature: 'admin',
    roles: ['operator'],
    summary: 'Exports, offboardings and retention purges',
    query: ListQuery,
    response: OperatorActions,
    access: { table: ['Query'] },
  },
  getPartnership: {
    method: 'GET',
    path: '/partnership',
    feature: 'partnership',
    roles: MEMBER_ROLES,
    summary: "The caller's partnership and its settings",
    response: Partnership,
    access: { table: ['GetItem'] },
  },
  updatePartnership: {
    method: 'PATCH',
    path: '/partnership',
    feature: 'partnership',
    roles: ['chair'],
    summary: 'Change the name and settings',
    body: UpdatePartnershipBody,
    response: Partnership,
    conditional: true,
    access: { table: ['GetItem', 'UpdateItem'] },
  },
  listAreas: {
    method: 'GET',
    path: '/areas',
    feature: 'partnership',
    roles: MEMBER_ROLES,
    summary: 'Areas (local authorities) of the partnership',
    query: ListQuery,
    response: listOf(Area),
    access: { table: ['Query'] },
  },
  createArea: {
    method: 'POST',
    path: '/areas',
    feature: 'partnership',
    roles: ['chair'],
    summary: 'Add an area',
    body: CreateAreaBody,
    response: Area,
    status: 201,
    idempotent: true,
    // The area and its ONS-code lock, in one transaction of puts.
    access: { table: ['PutItem'] },
  },
  getArea: {
    method: 'GET',
    path: '/areas/{areaId}',
    feature: 'partnership',
    roles: MEMBER_ROLES,
    summary: 'One area',
    params: areaParams,
    response: Area,
    access: { table: ['GetItem'] },
  },
  updateArea: {
    method: 'PATCH',
    path: '/areas/{areaId}',
    feature: 'partnership',
    roles: ['chair'],
    summary: 'Change an area',
    params: areaParams,
    body: UpdateAreaBody,
    response: Area,
    conditional: true,
    // A new ONS code moves its lock: update the area, delete the old lock, put the new one.
    access: { table: ['GetItem', 'UpdateItem', 'DeleteItem', 'PutItem'] },
  },
  listMembers: {
    method: 'GET',
    path: '/members',
    feature: 'partnership',
    roles: ['chair', 'manager'],
    summary: 'Members of the partnership',
    query: ListQuery,
    response: listOf(Member),
    access: { table: ['Query'] },
  },
  createMember: {
    method: 'POST',
    path: '/members',
    feature: 'partnership',
    roles: ['chair'],
    summary: 'Invite a member',
    body: CreateMemberBody,
    response: Member,
    status: 201,
    idempotent: true,
    // The areas, the email lock, the partnership, then member and lock put together.
    access: { table: ['Query', 'GetItem', 'PutItem'], identity: ['AdminCreateUser', 'AdminDeleteUser'] },
  },
  getMember: {
    method: 'GET',
    path: '/members/{memberId}',
    feature: 'partnership',
    roles: ['chair', 'manager'],
    summary: 'One member',
    params: memberParams,
    response: Member,
    access: { table: ['GetItem'] },
  },
  updateMember: {
    method: 'PATCH',
    path: '/members/{memberId}',
    feature: 'partnership',
    roles: ['chair'],
    summary: "Change a member's role and areas",
    params: memberParams,
    body: UpdateMemberBody,
    response: Member,
    conditional: true,
    // The member, the chairs and areas (Query), then the versioned update.
    access: { table: ['GetItem', 'Query', 'UpdateItem'] },
  },
  deleteMember: {
    method: 'DELETE',
    path: '/members/{memberId}',
    feature: 'partnership',
    roles: ['chair'],
    summary: 'Remove a member; their access ends at once',
    params: memberParams,
    status: 204,
    response: z.undefined(),
    // The member and the chairs, then member and email lock deleted together.
    access: { table: ['GetItem', 'Query', 'DeleteItem'], identity: ['AdminDeleteUser'] },
  },
  createPerson: {
    method: 'POST',
    path: '/people',
    feature: 'cases',
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
    feature: 'cases',
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
    feature: 'cases',
    roles: CASE_STAFF,
    summary: 'One person (the read is audited)',
    params: personParams,
    response: Person,
    access: { table: ['GetItem', ...AUDITED_READ] },
  },
  updatePerson: {
    method: 'PATCH',
    path: '/people/{personId}',
    feature: 'cases',
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
    feature: 'cases',
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
    feature: 'cases',
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
    feature: 'cases',
    roles: CASE_STAFF,
    summary: 'A case with its person summary, appointments and alerts',
    params: referralParams,
    response: CaseView,
    access: { table: ['Query', 'GetItem', ...AUDITED_READ] },
  },
  getTimeline: {
    method: 'GET',
    path: '/referrals/{referralId}/timeline',
    feature: 'cases',
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
    feature: 'cases',
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
    feature: 'cases',
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
    feature: 'cases',
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
    feature: 'cases',
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
    feature: 'cases',
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
    feature: 'cases',
    roles: CASE_STAFF,
    summary: 'Record a further offence',
    params: referralParams,
    body: OffenceBody,
    response: Referral,
    status: 201,
    idempotent: true,
    access: { table: CASE_CHANGE },
  },
  listAlerts: {
    method: 'GET',
    path: '/alerts',
    feature: 'alerts',
    roles: CASE_STAFF,
    summary: 'Alerts in your areas, open first',
    query: AlertsQuery,
    response: listOf(AlertSchema),
    // The alerts of each area are one GSI1 partition.
    access: { indexes: ['GSI1'] },
  },
  getAlertCounts: {
    method: 'GET',
    path: '/alerts/counts',
    feature: 'alerts',
    roles: CASE_STAFF,
    summary: 'Open and acknowledged alerts in your areas',
    response: AlertCounts,
    access: { indexes: ['GSI1'] },
  },
  acknowledgeAlert: {
    method: 'POST',
    path: '/alerts/{alertId}/acknowledge',
    feature: 'alerts',
    roles: CASE_STAFF,
    summary: 'Acknowledge an alert',
    params: alertParams,
    body: AcknowledgeBody,
    response: AlertSchema,
    // The alert, then its update and timeline event in one transaction.
    access: { table: ['GetItem', 'UpdateItem', 'PutItem'] },
  },
  resolveAlert: {
    method: 'POST',
    path: '/alerts/{alertId}/resolve',
    feature: 'alerts',
    roles: CASE_STAFF,
    summary: 'Resolve an alert with a note',
    params: alertParams,
    body: ResolveBody,
    response: AlertSchema,
    access: { table: ['GetItem', 'UpdateItem', 'PutItem'] },
  },
  getContinuityReport: {
    method: 'GET',
    path: '/reports/continuity-of-care',
    feature: 'reports',
    roles: REPORT_READERS,
    summary: 'Continuity-of-care rate per release month and area, against the target',
    query: ReportQuery,
    response: ContinuityReport,
    access: REPORT,
  },
  getContinuityReportCsv: {
    method: 'GET',
    path: '/reports/continuity-of-care.csv',
    feature: 'reports',
    roles: REPORT_READERS,
    summary: 'The continuity-of-care report as CSV',
    query: ReportQuery,
    response: ContinuityReportCsv,
    contentType: 'text/csv; charset=utf-8',
    access: REPORT,
  },
  getTimeToEngagement: {
    method: 'GET',
    path: '/reports/time-to-engagement',
    feature: 'reports',
    roles: REPORT_READERS,
    summary:
      'Cumulative share engaged by day after release, and median days to first appointment and treatment',
    query: ReportQuery,
    response: TimeToEngagementReport,
    access: REPORT,
  },
  getEstablishmentReport: {
    method: 'GET',
    path: '/reports/by-establishment',
    feature: 'reports',
    roles: REPORT_READERS,
    summary: 'Continuity-of-care rate by releasing establishment',
    query: ReportQuery,
    response: EstablishmentReport,
    access: REPORT,
  },
  getPathwayReport: {
    method: 'GET',
    path: '/reports/pathways',
    feature: 'reports',
    roles: REPORT_READERS,
    summary: 'Referrals, engagement and six-month reoffending on the other pathways',
    query: ReportQuery,
    response: PathwayReport,
    access: REPORT,
  },
  createReleaseImport: {
    method: 'POST',
    path: '/imports/releases',
    feature: 'imports',
    roles: ['manager'],
    summary: 'Upload a release list (text/csv); every row is checked before anything is added',
    status: 202,
    idempotent: true,
    response: z.object({ importId: z.string() }),
    // The areas, then the checked rows in chunks and the import record; queued for the import worker on the bus.
    access: { table: ['Query', 'BatchWriteItem', 'PutItem'], publishes: true },
  },
  getReleaseTemplate: {
    method: 'GET',
    path: '/imports/releases/template.csv',
    feature: 'imports',
    roles: ['manager'],
    summary: 'A release list template: the header and one example row',
    response: ReleaseTemplateCsv,
    contentType: 'text/csv; charset=utf-8',
    access: { table: ['Query'] },
  },
  getReleaseImport: {
    method: 'GET',
    path: '/imports/{importId}',
    feature: 'imports',
    roles: ['manager'],
    summary: 'Status, progress and row errors of an import',
    params: z.object({ importId: Id }),
    response: ReleaseImport,
    access: { table: ['GetItem'] },
  },
  getAudit: {
    method: 'GET',
    path: '/audit',
    feature: 'cases',
    roles: ['manager'],
    summary: "Who read or changed a person's records",
    query: AuditQuery,
    response: AuditTrail,
    // The person (to check the area), then a page of their audit records.
    access: { table: ['GetItem', 'Query'] },
  },
});

/** The route table's operationIds. */
export type OperationId = keyof typeof routes;

/** Every route, in table order. */
export const routeList: readonly RouteDef[] = Object.values(routes);
