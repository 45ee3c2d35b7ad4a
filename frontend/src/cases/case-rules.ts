import { isPending, NEXT_APPOINTMENT_STATUSES } from '../../../shared/domain/appointment-statuses.ts';
import {
  APPOINTMENT_KINDS_OF_PATHWAY,
  CLOSE_REASONS_OF_PATHWAY,
  closeReasonAllowed,
  engagesBySession,
  isPrisonPathway,
  REQUIRED_ASSESSMENT_KINDS,
} from '../../../shared/domain/pathways.ts';
import type { Pathway } from '../../../shared/domain/values.ts';
import { APPOINTMENT_KINDS, CLOSE_REASONS } from '../../../shared/schemas/referral.ts';
import type { Appointment, Referral } from '../api/types.ts';

export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The case actions that apply to a case as it stands, so the page offers only those (as the API's rules). */
export function caseActions(referral: Referral) {
  const open = referral.status !== 'closed';
  const prison = isPrisonPathway(referral.pathway);
  return {
    release: open && prison && !referral.releasedOn,
    appointment: open,
    // On DIVERT the first session attended is the engagement: nobody records it by hand.
    engagement:
      open &&
      !referral.engagedOn &&
      !engagesBySession(referral.pathway) &&
      (!prison || Boolean(referral.releasedOn)),
    // A further offence counts for the pathway's measure even after the case has closed.
    offence: true,
    close: open,
  };
}

/** The appointment kinds a case on `pathway` books, in the pathway's order (required assessments first). */
export function appointmentKindsOf(pathway: string): AppointmentKind[] {
  const kinds = APPOINTMENT_KINDS_OF_PATHWAY[pathway as Pathway] ?? ['first', 'follow_up'];
  return kinds.filter((kind): kind is AppointmentKind =>
    (APPOINTMENT_KINDS as readonly string[]).includes(kind),
  );
}

/** True for the required assessments of drug testing on arrest. */
export const isRequiredAssessment = (appointment: Pick<Appointment, 'kind'>): boolean =>
  REQUIRED_ASSESSMENT_KINDS.includes(appointment.kind);

/**
 * The close reasons a case on `pathway` may take: its pathway's own first (failed to attend,
 * completed the programme…), then those open to every pathway, "Other" last.
 */
export function closeReasonsOf(pathway: string): CloseReason[] {
  const allowed = CLOSE_REASONS.filter((reason) => closeReasonAllowed(pathway, reason));
  const own = allowed.filter((reason) => CLOSE_REASONS_OF_PATHWAY[reason]);
  return [...own, ...allowed.filter((reason) => !own.includes(reason))];
}

/** The required assessment the case should book next: the initial one until it is attended or pending. */
export function nextAssessmentKind(
  appointments: readonly Appointment[],
): 'initial_assessment' | 'follow_up_assessment' {
  const initialHeld = appointments.some(
    (appointment) =>
      appointment.kind === 'initial_assessment' &&
      (appointment.status === 'attended' || isPending(appointment)),
  );
  return initialHeld ? 'follow_up_assessment' : 'initial_assessment';
}

/** True when a required assessment was missed, or its time has passed with no outcome recorded. */
export function assessmentMissed(appointments: readonly Appointment[], now: Date = new Date()): boolean {
  return appointments.some(
    (appointment) =>
      isRequiredAssessment(appointment) &&
      (appointment.status === 'missed' ||
        (isPending(appointment) && new Date(appointment.at).getTime() < now.getTime())),
  );
}

/**
 * The changes an appointment can take now: those the API allows from its status, attended or
 * missed only once its time has come.
 */
export function appointmentChanges(appointment: Appointment, now: Date = new Date()) {
  const next = NEXT_APPOINTMENT_STATUSES[appointment.status] ?? [];
  const due = new Date(appointment.at).getTime() <= now.getTime();
  return {
    attended: next.includes('attended') && due,
    missed: next.includes('missed') && due,
    cancelled: next.includes('cancelled'),
    rescheduled: next.includes('rescheduled'),
  };
}
