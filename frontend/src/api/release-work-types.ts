/**
 * The shapes of the release work (API.md "Cases staff can correct and plan" and "Alerts that
 * follow the work"), as the web app reads and sends them. Written from the contract while the
 * API's schemas for them are being built; types.ts joins them to the schema-derived types, so
 * once the schemas say the same the two agree and nothing here needs to change.
 */
import type {
  ACCOMMODATIONS,
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  CONTACT_STAGES,
  RISK_FLAGS,
  WORKLIST_TABS,
} from '../cases/release-values.ts';

export type RiskFlag = (typeof RISK_FLAGS)[number];
export type Accommodation = (typeof ACCOMMODATIONS)[number];
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export type ContactStage = (typeof CONTACT_STAGES)[number];
export type WorklistTab = (typeof WORKLIST_TABS)[number];

/** What a case must be acted on by next: the earliest unresolved alert or rule still to come. */
export interface NextAction {
  rule: string;
  dueAt: string;
  overdue: boolean;
}

/** Yes, no, or not known (`null`). */
export type Answer = boolean | null;

/** A release plan as the API answers it (`releasePlan` of a referral, `PUT …/release-plan`). */
export interface ReleasePlan {
  accommodation: Accommodation;
  onOstAtRelease: Answer;
  bridgingPrescription: Answer;
  naloxoneIssued: Answer;
  gpRegistered: Answer;
  housingReferralMade: Answer;
  metAtGate: Answer;
  probationPractitioner: { name: string; email: string } | null;
  notes?: string;
  version: number;
  updatedAt: string;
  updatedBy: { memberId: string; name: string };
}

/** `PUT /referrals/{id}/release-plan`: the whole plan. */
export type ReleasePlanInput = Omit<ReleasePlan, 'version' | 'updatedAt' | 'updatedBy' | 'notes'> & {
  notes?: string;
};

/** The fields every referral answer adds. */
export interface ReferralAdditions {
  /** "C-XXXXXXXX", as alert emails name the case. */
  reference: string;
  programmes: string[];
  releasePlan?: ReleasePlan;
  openAlerts: number;
  contactCounts: { preRelease: number; postRelease: number };
  lastContactAt?: string;
}

/** What `GET /referrals/{id}` adds to the referral. */
export interface CaseViewAdditions extends ReferralAdditions {
  nextAction: NextAction | null;
  daysSinceRelease: number | null;
  windowDays: number | null;
  windowClosesOn: string | null;
  riskFlags: RiskFlag[];
}

/** `PATCH /referrals/{id}`: the facts to correct; `reason` for a release date or treatment start. */
export interface UpdateReferralInput {
  assignedTo?: string | null;
  expectedReleaseOn?: string | null;
  source?: string;
  areaId?: string;
  programmes?: string[];
  releasedOn?: string;
  engagedOn?: string;
  reason?: string;
}

/** A caseworker or manager who may hold the case (`GET /referrals/{id}/assignees`). */
export interface Assignee {
  id: string;
  name: string;
  role: string;
}

/** One contact with the person (`GET|POST /referrals/{id}/contacts`). */
export interface Contact {
  id: string;
  referralId: string;
  at: string;
  method: ContactMethod;
  outcome: ContactOutcome;
  note?: string;
  stage: ContactStage;
  recordedBy: { memberId: string; name: string };
  version: number;
  createdAt: string;
}

/** `POST /referrals/{id}/contacts`. */
export interface ContactInput {
  at: string;
  method: ContactMethod;
  outcome: ContactOutcome;
  note?: string;
}

/** One case on the worklist, with why it is there. */
export interface WorklistItem {
  referralId: string;
  reference: string;
  /** Null if the person's record could not be read. */
  person: { givenName: string; familyName: string; prisonNumber?: string } | null;
  areaId: string;
  assignedTo: string | null;
  assignedToName: string | null;
  pathway: string;
  releasedOn: string | null;
  expectedReleaseOn: string | null;
  daysSinceRelease: number | null;
  windowClosesOn: string | null;
  riskFlags: RiskFlag[];
  nextAction: NextAction;
  openAlerts: number;
  priority: number;
  why: string[];
}

/** The worklist's counts across the top (first page only, same filters). */
export interface WorklistCounts {
  releasingSoon: number;
  firstDays: number;
  overdue: number;
  openAlerts: number;
}

/** `GET /worklist` filters. */
export interface WorklistFilters {
  areaId?: string;
  assignee?: WorklistTab;
}

/** The caseload's new query (`GET /referrals`). */
export interface CaseloadAdditions {
  assignee?: WorklistTab;
  releasingWithinDays?: string;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** What `GET /alerts` items add: the case's reference and the person's name. */
export interface AlertAdditions {
  reference?: string;
  person?: { givenName: string; familyName: string } | null;
  appointmentId?: string;
  escalates?: { alertId: string; rule: string };
}

/** What `GET /imports/{id}` adds: expected release dates the import changed on open cases. */
export interface ImportAdditions {
  updated?: number;
  updates?: { row: number; referralId: string; reference: string; from: string | null; to: string }[];
}

/** What an item of `GET /people?q=` adds when it was found by a case reference. */
export interface PersonFoundAdditions {
  referralId?: string;
}
