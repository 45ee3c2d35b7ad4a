import type { ApiClient } from './client.ts';
import type {
  Alert,
  AlertCounts,
  AlertFilters,
  Appointment,
  Area,
  Assignee,
  AuditEvent,
  CaseloadFilters,
  CaseloadRow,
  CaseRecord,
  CloseInput,
  Contact,
  ContactInput,
  ContinuityReport,
  CreateAppointmentInput,
  CreateAreaInput,
  CreateCustodySuiteInput,
  CreateMemberInput,
  CreatePartnershipInput,
  CreatePartnershipResult,
  CreatePersonInput,
  CreateReferralInput,
  CustodySuite,
  CustodySuiteSuggestions,
  EngagementInput,
  EstablishmentList,
  EstablishmentReport,
  FailedToAttendFilters,
  FailedToAttendList,
  FoundPerson,
  ImportRecord,
  MeInfo,
  Member,
  OffenceInput,
  Page,
  Partnership,
  PathwayReport,
  Person,
  Referral,
  ReleaseInput,
  ReleasePlan,
  ReleasePlanInput,
  ReportFilters,
  TimelineEvent,
  TimeToEngagementReport,
  UpdateAppointmentInput,
  UpdateAreaInput,
  UpdateCustodySuiteInput,
  UpdateMemberInput,
  UpdatePartnershipInput,
  UpdatePersonInput,
  UpdateReferralInput,
  WorklistCounts,
  WorklistFilters,
  WorklistPage,
} from './types.ts';

/** Largest page the API serves; used when the app needs a whole (small) collection. */
const MAX_LIMIT = 200;

/** Reads every page of a list route; for small collections such as areas and members. */
async function listAll<T>(api: ApiClient, path: string, query: Record<string, string> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<T> = await api.request('GET', path, { query: { ...query, limit: MAX_LIMIT, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const id = encodeURIComponent;

/** Case actions that post to `/referrals/{id}/...`; `version` is the referral's, so a stale page gets 409. */
interface CaseWrite {
  version: number;
  idempotencyKey: string;
}

/** Typed calls for every route the app uses (functions/api/routes.ts). */
export function endpoints(api: ApiClient) {
  // The prison register changes a few times a year: read once per session (kept unless it failed).
  let establishments: Promise<EstablishmentList> | undefined;
  return {
    me: () => api.request<MeInfo>('GET', '/me'),

    getPartnership: () => api.request<Partnership>('GET', '/partnership'),
    updatePartnership: (body: UpdatePartnershipInput, version: number) =>
      api.request<Partnership>('PATCH', '/partnership', { body, version }),
    setExportKey: (body: import('./types.ts').SetExportKeyInput) =>
      api.request<Partnership>('PUT', '/partnership/export-key', { body }),

    listAreas: (cursor?: string) => api.request<Page<Area>>('GET', '/areas', { query: { cursor } }),
    allAreas: () => listAll<Area>(api, '/areas'),
    getArea: (areaId: string) => api.request<Area>('GET', `/areas/${id(areaId)}`),
    createArea: (body: CreateAreaInput, idempotencyKey: string) =>
      api.request<Area>('POST', '/areas', { body, idempotencyKey }),
    updateArea: (areaId: string, body: UpdateAreaInput, version: number) =>
      api.request<Area>('PATCH', `/areas/${id(areaId)}`, { body, version }),

    listMembers: (cursor?: string) => api.request<Page<Member>>('GET', '/members', { query: { cursor } }),
    allMembers: () => listAll<Member>(api, '/members'),
    getMember: (memberId: string) => api.request<Member>('GET', `/members/${id(memberId)}`),
    createMember: (body: CreateMemberInput, idempotencyKey: string) =>
      api.request<Member>('POST', '/members', { body, idempotencyKey }),
    updateMember: (memberId: string, body: UpdateMemberInput, version: number) =>
      api.request<Member>('PATCH', `/members/${id(memberId)}`, { body, version }),
    removeMember: (memberId: string) => api.request<void>('DELETE', `/members/${id(memberId)}`),

    /** The prisons of England and Wales, read once per session. */
    establishments: (): Promise<EstablishmentList> => {
      establishments ??= api.request<EstablishmentList>('GET', '/establishments').catch((error: unknown) => {
        establishments = undefined;
        throw error;
      });
      return establishments;
    },

    allCustodySuites: () => listAll<CustodySuite>(api, '/custody-suites'),
    getCustodySuite: (custodySuiteId: string) =>
      api.request<CustodySuite>('GET', `/custody-suites/${id(custodySuiteId)}`),
    createCustodySuite: (body: CreateCustodySuiteInput, idempotencyKey: string) =>
      api.request<CustodySuite>('POST', '/custody-suites', { body, idempotencyKey }),
    updateCustodySuite: (custodySuiteId: string, body: UpdateCustodySuiteInput, version: number) =>
      api.request<CustodySuite>('PATCH', `/custody-suites/${id(custodySuiteId)}`, { body, version }),
    /** The register's police forces, and the suites it lists for `policeForce` (none without it). */
    custodySuiteSuggestions: (policeForce?: string) =>
      api.request<CustodySuiteSuggestions>('GET', '/custody-suites/suggestions', { query: { policeForce } }),

    listPartnerships: (cursor?: string) =>
      api.request<Page<Partnership>>('GET', '/admin/partnerships', { query: { cursor } }),
    createPartnership: (body: CreatePartnershipInput, idempotencyKey: string) =>
      api.request<CreatePartnershipResult>('POST', '/admin/partnerships', { body, idempotencyKey }),

    findPeople: (q: string, cursor?: string) =>
      api.request<Page<FoundPerson>>('GET', '/people', { query: { q, cursor } }),
    getPerson: (personId: string) => api.request<Person>('GET', `/people/${id(personId)}`),
    createPerson: (body: CreatePersonInput, idempotencyKey: string) =>
      api.request<Person>('POST', '/people', { body, idempotencyKey }),
    updatePerson: (personId: string, body: UpdatePersonInput, version: number) =>
      api.request<Person>('PATCH', `/people/${id(personId)}`, { body, version }),
    personAudit: (personId: string) => listAll<AuditEvent>(api, '/audit', { personId }),

    createReferral: (personId: string, body: CreateReferralInput, idempotencyKey: string) =>
      api.request<Referral>('POST', `/people/${id(personId)}/referrals`, { body, idempotencyKey }),
    caseload: (filters: CaseloadFilters, cursor?: string) =>
      api.request<Page<CaseloadRow>>('GET', '/referrals', { query: { ...filters, cursor } }),
    getCase: (referralId: string) => api.request<CaseRecord>('GET', `/referrals/${id(referralId)}`),
    timeline: (referralId: string) => listAll<TimelineEvent>(api, `/referrals/${id(referralId)}/timeline`),

    /** Corrects the case's facts; `version` is the referral's. */
    updateReferral: (referralId: string, body: UpdateReferralInput, version: number) =>
      api.request<Referral>('PATCH', `/referrals/${id(referralId)}`, { body, version }),
    /** The caseworkers and managers who may hold the case, by name. */
    assignees: (referralId: string) =>
      api.request<{ items: Assignee[] }>('GET', `/referrals/${id(referralId)}/assignees`),
    /** Saves the whole release plan; `planVersion` once a plan exists (the first save needs none). */
    saveReleasePlan: (referralId: string, body: ReleasePlanInput, planVersion?: number) =>
      api.request<ReleasePlan>('PUT', `/referrals/${id(referralId)}/release-plan`, {
        body,
        version: planVersion,
      }),
    contacts: (referralId: string, cursor?: string) =>
      api.request<Page<Contact>>('GET', `/referrals/${id(referralId)}/contacts`, { query: { cursor } }),
    addContact: (referralId: string, body: ContactInput, idempotencyKey: string) =>
      api.request<Contact>('POST', `/referrals/${id(referralId)}/contacts`, { body, idempotencyKey }),
    worklist: (filters: WorklistFilters, cursor?: string) =>
      api.request<WorklistPage>('GET', '/worklist', {
        query: { ...filters, cursor },
      }),
    worklistCounts: (filters: WorklistFilters) =>
      api.request<WorklistCounts>('GET', '/worklist/counts', { query: { ...filters } }),

    recordRelease: (referralId: string, body: ReleaseInput, write: CaseWrite) =>
      api.request<Referral>('POST', `/referrals/${id(referralId)}/release`, { body, ...write }),
    bookAppointment: (referralId: string, body: CreateAppointmentInput, write: CaseWrite) =>
      api.request<Appointment>('POST', `/referrals/${id(referralId)}/appointments`, { body, ...write }),
    updateAppointment: (
      referralId: string,
      appointmentId: string,
      body: UpdateAppointmentInput,
      appointmentVersion: number,
    ) =>
      api.request<Appointment>('PATCH', `/referrals/${id(referralId)}/appointments/${id(appointmentId)}`, {
        body,
        version: appointmentVersion,
      }),
    recordEngagement: (referralId: string, body: EngagementInput, write: CaseWrite) =>
      api.request<Referral>('POST', `/referrals/${id(referralId)}/engagement`, { body, ...write }),
    recordOffence: (referralId: string, body: OffenceInput, write: CaseWrite) =>
      api.request<Referral>('POST', `/referrals/${id(referralId)}/offences`, { body, ...write }),
    closeCase: (referralId: string, body: CloseInput, write: CaseWrite) =>
      api.request<Referral>('POST', `/referrals/${id(referralId)}/close`, { body, ...write }),

    failedToAttend: (filters: FailedToAttendFilters) =>
      api.request<FailedToAttendList>('GET', '/failed-to-attend', { query: { ...filters } }),
    failedToAttendCsv: (filters: FailedToAttendFilters) =>
      api.download('/failed-to-attend.csv', { ...filters }),

    listAlerts: (filters: AlertFilters, cursor?: string) =>
      api.request<Page<Alert>>('GET', '/alerts', { query: { ...filters, cursor } }),
    alertCounts: () => api.request<AlertCounts>('GET', '/alerts/counts'),
    acknowledgeAlert: (alertId: string, body: { note?: string }) =>
      api.request<Alert>('POST', `/alerts/${id(alertId)}/acknowledge`, { body }),
    resolveAlert: (alertId: string, body: { note: string }) =>
      api.request<Alert>('POST', `/alerts/${id(alertId)}/resolve`, { body }),

    continuityReport: (filters: ReportFilters) =>
      api.request<ContinuityReport>('GET', '/reports/continuity-of-care', { query: { ...filters } }),
    continuityReportCsv: (filters: ReportFilters) =>
      api.download('/reports/continuity-of-care.csv', { ...filters }),
    timeToEngagement: (filters: ReportFilters) =>
      api.request<TimeToEngagementReport>('GET', '/reports/time-to-engagement', { query: { ...filters } }),
    establishmentReport: (filters: ReportFilters) =>
      api.request<EstablishmentReport>('GET', '/reports/by-establishment', { query: { ...filters } }),
    pathwayReport: (filters: ReportFilters) =>
      api.request<PathwayReport>('GET', '/reports/pathways', { query: { ...filters } }),

    importReleases: (csv: string, idempotencyKey: string) =>
      api.request<{ importId: string }>('POST', '/imports/releases', {
        rawBody: { text: csv, contentType: 'text/csv' },
        idempotencyKey,
      }),
    getImport: (importId: string) => api.request<ImportRecord>('GET', `/imports/${id(importId)}`),
    releaseTemplate: () => api.download('/imports/releases/template.csv'),
    /** Uploads a release list to be checked only (`?confirm=false`): nothing is added until it is applied. */
    checkReleases: (csv: string, idempotencyKey: string) =>
      api.request<{ importId: string }>('POST', '/imports/releases', {
        rawBody: { text: csv, contentType: 'text/csv' },
        query: { confirm: 'false' },
        idempotencyKey,
      }),
    applyImport: (importId: string) => api.request<ImportRecord>('POST', `/imports/${id(importId)}/apply`),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
