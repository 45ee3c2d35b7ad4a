import type { z } from 'zod';
import type { ReleaseImport } from '../../../shared/imports/import-repo.ts';
import type {
  EstablishmentRow,
  PathwayRow,
  TimeToEngagement,
} from '../../../shared/reports/continuity-report.ts';
import type { Area, CreateAreaBody, UpdateAreaBody } from '../../../shared/schemas/area.ts';
import type { CreateMemberBody, Me, Member, UpdateMemberBody } from '../../../shared/schemas/member.ts';
import type {
  CreatePartnershipBody,
  Partnership,
  UpdatePartnershipBody,
} from '../../../shared/schemas/partnership.ts';
import type { CreatePersonBody, Person, UpdatePersonBody } from '../../../shared/schemas/person.ts';
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
} from '../../../shared/schemas/referral.ts';
import type { ContinuityReport as ContinuityReportSchema } from '../../../shared/schemas/report.ts';

export type { Appointment, Area, Member, Partnership, Person, Referral };
export type MeInfo = z.infer<typeof Me>;
export type CreateAreaInput = z.input<typeof CreateAreaBody>;
export type UpdateAreaInput = z.input<typeof UpdateAreaBody>;
export type CreateMemberInput = z.input<typeof CreateMemberBody>;
export type UpdateMemberInput = z.input<typeof UpdateMemberBody>;
export type CreatePartnershipInput = z.input<typeof CreatePartnershipBody>;
export type UpdatePartnershipInput = z.input<typeof UpdatePartnershipBody>;
export type CreatePartnershipResult = { partnership: Partnership; chair: Member };

export type CreatePersonInput = z.input<typeof CreatePersonBody>;
export type UpdatePersonInput = z.input<typeof UpdatePersonBody>;
export type CreateReferralInput = z.input<typeof CreateReferralBody>;
export type ReleaseInput = z.input<typeof ReleaseBody>;
export type CreateAppointmentInput = z.input<typeof CreateAppointmentBody>;
export type UpdateAppointmentInput = z.input<typeof UpdateAppointmentBody>;
export type EngagementInput = z.input<typeof EngagementBody>;
export type CloseInput = z.input<typeof CloseBody>;
export type OffenceInput = z.input<typeof OffenceBody>;
/** `GET /referrals` filters; limit and cursor are the list conventions. */
export type CaseloadFilters = Partial<Omit<z.input<typeof CaseloadQuery>, 'limit' | 'cursor'>>;

/** The person as a case names them (`GET /referrals`, `GET /referrals/{id}`). */
export interface PersonSummary {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  prisonNumber?: string;
}

/** The alert rule a case must be acted on by next, as the API last computed it. */
export interface NextDue {
  nextDueAt?: string;
  nextDueRule?: string;
}

/** One row of the caseload (`GET /referrals`). */
export type CaseloadRow = Referral & NextDue & { person?: PersonSummary; overdue: boolean };

/** Who moved an alert on. */
export interface AlertActor {
  name: string;
}

/** An alert raised on a case (`GET /alerts`, and `alerts[]` of `GET /referrals/{id}`). */
export interface Alert {
  id: string;
  rule: string;
  referralId: string;
  areaId: string;
  status: 'open' | 'acknowledged' | 'resolved';
  dueAt: string;
  raisedAt: string;
  /** A reference that names no one (`GET /alerts` only). */
  caseReference?: string;
  acknowledgedAt?: string;
  acknowledgedBy?: AlertActor;
  resolvedAt?: string;
  resolvedBy?: AlertActor;
  note?: string;
  version: number;
}

/** `GET /alerts/counts`: alerts still to deal with in the caller's areas. */
export interface AlertCounts {
  open: number;
  acknowledged: number;
}

/** `GET /alerts` filters. */
export interface AlertFilters {
  status?: string;
  areaId?: string;
}

/** A case with what hangs under it (`GET /referrals/{id}`). */
export type CaseRecord = Referral &
  NextDue & { person?: PersonSummary; appointments: Appointment[]; alerts: Alert[] };

/** One event of a case's timeline, oldest first from the API. */
export interface TimelineEvent {
  id: string;
  at: string;
  kind: string;
  summary: string;
  by: { memberId: string; name: string };
  details?: Record<string, unknown>;
}

/** One read or change of a person's records (`GET /audit`). */
export interface AuditEvent {
  id: string;
  at: string;
  action: string;
  record: string;
  recordId: string;
  by: { memberId?: string; name: string; role: string };
  sourceIp: string;
}

/** The list envelope of every list route. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The reports' query: months written `YYYY-MM`; without them, the last 12 months. */
export interface ReportFilters {
  from?: string;
  to?: string;
  areaId?: string;
}

/** `GET /reports/continuity-of-care`. */
export type ContinuityReport = z.infer<typeof ContinuityReportSchema>;
export type ContinuityRow = ContinuityReport['rows'][number];
/** A count as the reports publish it: the number, or "<5" when small numbers are hidden. */
export type PublishedCount = ContinuityRow['cohort'];

/** What every report says about the period it covers. */
interface ReportPeriod {
  from: string;
  to: string;
  suppressed: boolean;
}

/** `GET /reports/time-to-engagement`. */
export type TimeToEngagementReport = ReportPeriod & TimeToEngagement & { windowDays: number };

/** `GET /reports/by-establishment`. */
export type EstablishmentReport = ReportPeriod & { rows: EstablishmentRow[] };

/** `GET /reports/pathways`. */
export type PathwayReport = ReportPeriod & { rows: PathwayRow[] };
export type { EstablishmentRow, PathwayRow };

/** `GET /imports/{importId}`: a release list import's status, progress and problems. */
export type ImportRecord = Pick<
  ReleaseImport,
  'id' | 'status' | 'total' | 'processed' | 'created' | 'matched' | 'errors' | 'errorCount'
>;
export type ImportProblem = ImportRecord['errors'][number];
