/**
 * The API's request and response types, as the web app uses them: each one derived from the
 * schema the API checks or answers with (shared/schemas), so the two cannot drift apart.
 * Requests are the schemas' inputs (what may be sent), responses their outputs.
 */
import type { routes as adminRoutes } from '../../../functions/api/routes/admin.ts';
import type {
  AlertCounts as AlertCountsSchema,
  AlertSchema,
  AlertsQuery,
} from '../../../shared/schemas/alert.ts';
import type { Area, CreateAreaBody, UpdateAreaBody } from '../../../shared/schemas/area.ts';
import type { AuditEvent as AuditEventSchema } from '../../../shared/schemas/audit.ts';
import type {
  CaseAlert as CaseAlertSchema,
  CaseloadRow as CaseloadRowSchema,
  CaseView,
  PersonSummary as PersonSummarySchema,
  TimelineEvent as TimelineEventSchema,
} from '../../../shared/schemas/case-view.ts';
import type { Contact as ContactSchema, CreateContactBody } from '../../../shared/schemas/contact.ts';
import type {
  CreateCustodySuiteBody,
  CustodySuite,
  CustodySuiteSuggestions as CustodySuiteSuggestionsSchema,
  UpdateCustodySuiteBody,
} from '../../../shared/schemas/custody-suite.ts';
import type { EstablishmentList as EstablishmentListSchema } from '../../../shared/schemas/establishment.ts';
import type {
  FailedToAttendEntry as FailedToAttendEntrySchema,
  FailedToAttendList as FailedToAttendListSchema,
  FailedToAttendQuery,
} from '../../../shared/schemas/failed-to-attend.ts';
import type { ImportProblem as ImportProblemSchema, ReleaseImport } from '../../../shared/schemas/imports.ts';
import type { CreateMemberBody, Me, Member, UpdateMemberBody } from '../../../shared/schemas/member.ts';
import type {
  CreatePartnershipBody,
  Partnership,
  UpdatePartnershipBody,
} from '../../../shared/schemas/partnership.ts';
import type {
  CreatePersonBody,
  FoundPerson as FoundPersonSchema,
  Person,
  UpdatePersonBody,
} from '../../../shared/schemas/person.ts';
import type {
  Appointment,
  CaseloadQuery,
  CloseBody,
  CreateAppointmentBody,
  CreateReferralBody,
  EngagementBody,
  OffenceBody,
  Referral,
  ReleaseBody,
  UpdateAppointmentBody,
  UpdateReferralBody,
  WorklistQuery,
} from '../../../shared/schemas/referral.ts';
import type {
  ReleasePlanBody,
  ReleasePlan as ReleasePlanSchema,
} from '../../../shared/schemas/release-plan.ts';
import type {
  ContinuityReport as ContinuityReportSchema,
  ReportQuery,
} from '../../../shared/schemas/report.ts';
import type {
  EstablishmentReport as EstablishmentReportSchema,
  PathwayReport as PathwayReportSchema,
  PublishedCount as PublishedCountSchema,
  TimeToEngagementReport as TimeToEngagementReportSchema,
} from '../../../shared/schemas/report-views.ts';
import type {
  Assignees,
  WorklistCounts as WorklistCountsSchema,
  WorklistItem as WorklistItemSchema,
  Worklist as WorklistSchema,
} from '../../../shared/schemas/worklist.ts';
import type * as z from '../../../shared/schemas/zod.ts';

/** A list route's query without the list conventions (`limit`, `cursor`), every filter optional. */
type Filters<Query extends z.ZodMiniType> = Partial<Omit<z.input<Query>, 'limit' | 'cursor'>>;

export type { Appointment, Area, CustodySuite, Member, Partnership, Person, Referral };
export type MeInfo = z.output<typeof Me>;

export type CreateAreaInput = z.input<typeof CreateAreaBody>;
export type UpdateAreaInput = z.input<typeof UpdateAreaBody>;
export type CreateMemberInput = z.input<typeof CreateMemberBody>;
export type UpdateMemberInput = z.input<typeof UpdateMemberBody>;
export type CreatePartnershipInput = z.input<typeof CreatePartnershipBody>;
export type UpdatePartnershipInput = z.input<typeof UpdatePartnershipBody>;
/** `PUT /partnership/export-key`: the age recipient the operator's exports are encrypted to. */
export type SetExportKeyInput = z.input<
  typeof import('../../../shared/schemas/partnership.ts').SetExportKeyBody
>;
/** `POST /admin/partnerships` (its response schema is declared on the route itself). */
export type CreatePartnershipResult = z.output<(typeof adminRoutes)['createPartnership']['response']>;

export type CreatePersonInput = z.input<typeof CreatePersonBody>;
export type UpdatePersonInput = z.input<typeof UpdatePersonBody>;
export type CreateReferralInput = z.input<typeof CreateReferralBody>;
export type ReleaseInput = z.input<typeof ReleaseBody>;
export type CreateAppointmentInput = z.input<typeof CreateAppointmentBody>;
export type UpdateAppointmentInput = z.input<typeof UpdateAppointmentBody>;
export type EngagementInput = z.input<typeof EngagementBody>;
export type CloseInput = z.input<typeof CloseBody>;
export type OffenceInput = z.input<typeof OffenceBody>;
/** `PATCH /referrals/{id}`: the facts to correct; `reason` for a release date or treatment start. */
export type UpdateReferralInput = z.input<typeof UpdateReferralBody>;
/** `PUT /referrals/{id}/release-plan`: the whole plan. */
export type ReleasePlanInput = z.input<typeof ReleasePlanBody>;
/** A release plan as a referral carries it, with its own version. */
export type ReleasePlan = z.output<typeof ReleasePlanSchema>;
export type Accommodation = ReleasePlan['accommodation'];
/** `POST /referrals/{id}/contacts`. */
export type ContactInput = z.input<typeof CreateContactBody>;
/** One contact with the person, marked before or after release. */
export type Contact = z.output<typeof ContactSchema>;
export type ContactMethod = Contact['method'];
export type ContactOutcome = Contact['outcome'];
/** `GET /referrals` filters. */
export type CaseloadFilters = Omit<Filters<typeof CaseloadQuery>, 'releasingWithinDays'> & {
  /** As the address holds it; the API reads it as a number of days. */
  releasingWithinDays?: string;
};

/** The person as a case names them (`GET /referrals`, `GET /referrals/{id}`). */
export type PersonSummary = z.output<typeof PersonSummarySchema>;
/** One row of the caseload (`GET /referrals`). */
export type CaseloadRow = z.output<typeof CaseloadRowSchema>;
/** A person found by `GET /people?q=`; found by a case reference, with the case it names. */
export type FoundPerson = z.output<typeof FoundPersonSchema>;

/** `GET /worklist` filters. */
export type WorklistFilters = Filters<typeof WorklistQuery>;
/** A tab of the worklist (`assignee=`), also the caseload's "my cases" filter. */
export type WorklistTab = NonNullable<WorklistFilters['assignee']>;
/** `GET /worklist`: a page of the cases that need someone. */
export type WorklistPage = z.output<typeof WorklistSchema>;
export type WorklistItem = z.output<typeof WorklistItemSchema>;
/** `GET /worklist/counts`: the counts across the top, over the whole worklist. */
export type WorklistCounts = z.output<typeof WorklistCountsSchema>;
/** A caseworker or manager who may hold the case (`GET /referrals/{id}/assignees`). */
export type Assignee = z.output<typeof Assignees>['items'][number];

/** An alert in the list of alerts (`GET /alerts`), with a case reference that names no one. */
export type Alert = z.output<typeof AlertSchema>;
/** An alert as it hangs under its case (`alerts[]` of `GET /referrals/{id}`). */
export type CaseAlert = z.output<typeof CaseAlertSchema>;
/** What the list's alerts and a case's alerts both tell. */
export type AnyAlert = Alert | CaseAlert;
/** `GET /alerts/counts`: alerts still to deal with in the caller's areas. */
export type AlertCounts = z.output<typeof AlertCountsSchema>;
/** `GET /alerts` filters. */
export type AlertFilters = Filters<typeof AlertsQuery>;

/** A case with what hangs under it (`GET /referrals/{id}`). */
export type CaseRecord = z.output<typeof CaseView>;
/** One event of a case's timeline, oldest first from the API. */
export type TimelineEvent = z.output<typeof TimelineEventSchema>;
/** One read or change of a person's records (`GET /audit`). */
export type AuditEvent = z.output<typeof AuditEventSchema>;

/** `POST /custody-suites` and `PATCH /custody-suites/{id}`. */
export type CreateCustodySuiteInput = z.input<typeof CreateCustodySuiteBody>;
export type UpdateCustodySuiteInput = z.input<typeof UpdateCustodySuiteBody>;
/** `GET /custody-suites/suggestions?policeForce=`: the register's forces, and the suites of the one asked for. */
export type CustodySuiteSuggestions = z.output<typeof CustodySuiteSuggestionsSchema>;
/** `GET /establishments`: the prisons of England and Wales. */
export type EstablishmentList = z.output<typeof EstablishmentListSchema>;
export type Establishment = EstablishmentList['items'][number];

/** `GET /failed-to-attend` filters. */
export type FailedToAttendFilters = Partial<z.input<typeof FailedToAttendQuery>>;
/** `GET /failed-to-attend`: drug-testing-on-arrest cases closed as failed to attend. */
export type FailedToAttendList = z.output<typeof FailedToAttendListSchema>;
export type FailedToAttendEntry = z.output<typeof FailedToAttendEntrySchema>;

/** The list envelope of every list route (shared/schemas/common.ts `listOf`). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The reports' query: months written `YYYY-MM`; without them, the last 12 months. */
export type ReportFilters = z.input<typeof ReportQuery>;

/** `GET /reports/continuity-of-care`. */
export type ContinuityReport = z.output<typeof ContinuityReportSchema>;
export type ContinuityRow = ContinuityReport['rows'][number];
/** A count as the reports publish it: the number, or "<5" when small numbers are hidden. */
export type PublishedCount = z.output<typeof PublishedCountSchema>;
/** `GET /reports/time-to-engagement`. */
export type TimeToEngagementReport = z.output<typeof TimeToEngagementReportSchema>;
/** `GET /reports/by-establishment`. */
export type EstablishmentReport = z.output<typeof EstablishmentReportSchema>;
export type EstablishmentRow = EstablishmentReport['rows'][number];
/** `GET /reports/pathways`. */
export type PathwayReport = z.output<typeof PathwayReportSchema>;
export type PathwayRow = PathwayReport['rows'][number];
export type PathwaySuiteRow = PathwayReport['bySuite'][number];

/** `GET /imports/{importId}`: a release list import's status, progress and problems. */
export type ImportRecord = z.output<typeof ReleaseImport>;
export type ImportProblem = z.output<typeof ImportProblemSchema>;
