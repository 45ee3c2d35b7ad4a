import type { z } from 'zod';
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

/** An alert raised on a case. */
export interface Alert {
  id: string;
  rule: string;
  referralId: string;
  areaId: string;
  status: string;
  dueAt: string;
  raisedAt: string;
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
