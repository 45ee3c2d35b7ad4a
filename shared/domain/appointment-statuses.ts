/** How an appointment's status may move, as the API's rules check it and the web app offers it. */

/** The statuses an appointment may move to from each status; attended, missed and cancelled are final. */
export const NEXT_APPOINTMENT_STATUSES: Readonly<Record<string, readonly string[]>> = {
  booked: ['attended', 'missed', 'cancelled', 'rescheduled'],
  rescheduled: ['attended', 'missed', 'cancelled', 'rescheduled'],
  attended: [],
  missed: [],
  cancelled: [],
};

/** Appointments still to happen: booked, or moved to a new time. */
export const isPending = (appointment: { status: string }): boolean =>
  appointment.status === 'booked' || appointment.status === 'rescheduled';
