import type { Appointment, Referral } from '../api/types.ts';

/** Pathways that follow a person out of prison, where a release is recorded (as the API's rules). */
export const PRISON_PATHWAYS: readonly string[] = ['continuity_of_care', 'through_the_gate'];

/** True for a pathway with a prison release. */
export const isPrisonPathway = (pathway: string): boolean => PRISON_PATHWAYS.includes(pathway);

/** The case actions that apply to a case as it stands, so the page offers only those. */
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

/** Appointments still to happen: booked, or moved to a new time. */
export const isPending = (appointment: Pick<Appointment, 'status'>): boolean =>
  appointment.status === 'booked' || appointment.status === 'rescheduled';

/** The changes an appointment can take now: attended or missed only once its time has come. */
export function appointmentChanges(appointment: Appointment, now: Date = new Date()) {
  const pending = isPending(appointment);
  const due = new Date(appointment.at).getTime() <= now.getTime();
  return {
    attended: pending && due,
    missed: pending && due,
    cancelled: pending,
    rescheduled: pending,
  };
}
