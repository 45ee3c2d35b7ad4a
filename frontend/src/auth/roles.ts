import type { Role } from '../../../shared/domain/values.ts';

/** Labels for roles, as shown in tables and radios. */
export const ROLE_LABELS: Record<Role, string> = {
  chair: 'Chair',
  manager: 'Manager',
  caseworker: 'Caseworker',
  analyst: 'Analyst',
  operator: 'Operator',
};

/** What each partnership role may do (DESIGN.md §2), as hints beside the role radios. */
export const ROLE_HINTS: Record<Exclude<Role, 'operator'>, string> = {
  chair:
    'CDP chair, senior responsible owner or their delegate. Sets up areas and members, sets alert rules and targets, and sees reports with small numbers hidden. Sees no records about individual people.',
  manager:
    'Provider team leader or area lead. Does everything a caseworker can in their areas, receives escalations and manages caseworkers.',
  caseworker:
    'Provider staff. Keeps the records of people in their areas: referrals, releases, appointments and outcomes. Acknowledges alerts.',
  analyst: 'Commissioner or public health analyst. Sees reports and exports only.',
};

/** Roles that may open each part of the app; the API enforces the same rules. */
export const PAGE_ROLES = {
  partnership: ['chair', 'manager', 'caseworker', 'analyst'],
  partnershipEdit: ['chair'],
  areas: ['chair', 'manager', 'caseworker', 'analyst'],
  areasEdit: ['chair'],
  /** The partnership's custody suites: everyone reads them (cases name them); the chair keeps them. */
  custodySuites: ['chair', 'manager', 'caseworker', 'analyst'],
  custodySuitesEdit: ['chair'],
  members: ['chair', 'manager'],
  membersEdit: ['chair'],
  /** Person-level records: provider staff only (DESIGN.md §2). */
  cases: ['caseworker', 'manager'],
  audit: ['manager'],
  /** Drug testing on arrest cases closed as failed to attend, for the police: managers. */
  failedToAttend: ['manager'],
  /** Alerts on cases: the staff who act on them. */
  alerts: ['caseworker', 'manager'],
  /** Aggregated reports (small numbers hidden for chairs and analysts). */
  reports: ['chair', 'manager', 'analyst'],
  imports: ['manager'],
  admin: ['operator'],
} as const satisfies Record<string, readonly Role[]>;

/** True when `role` is one of `allowed`. */
export function roleMayOpen(role: Role | undefined, allowed: readonly Role[]): boolean {
  return role !== undefined && allowed.includes(role);
}
