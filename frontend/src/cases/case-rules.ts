import { NEXT_APPOINTMENT_STATUSES } from '../../../shared/domain/appointment-statuses.ts';
import { isPrisonPathway } from '../../../shared/domain/pathways.ts';
import type { Appointment, Referral } from '../api/types.ts';

/** The case actions that apply to a case as it stands, so the page offers only those (as the API's rules). */
export function caseActions(referral: Referral) {
  const open = referral.status !== 'closed';
  const prison = isPrisonPathway(referral.pathway);
  return {
    release: open && prison && !referral.releasedOn,
    appointment: open,
    engagement: open && !referral.engagedOn && (!prison || Boolean(referral.releasedOn)),
    // A further offence counts for the pathway's measure even after the case has closed.
    offence: true,
    close: open,
  };
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
