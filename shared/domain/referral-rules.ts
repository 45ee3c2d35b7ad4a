import { Conflict, ValidationFailed } from '../errors.ts';
import type { Appointment, Referral } from '../schemas/referral.ts';
import { isPending, NEXT_APPOINTMENT_STATUSES } from './appointment-statuses.ts';
import { daysBetween, londonDate } from './dates.ts';
import {
  APPOINTMENT_KINDS_OF_PATHWAY,
  CLOSE_REASONS_OF_PATHWAY,
  closeReasonAllowed,
  engagesBySession,
  isPrisonPathway,
} from './pathways.ts';

// The web app reads these facts too, from their own modules; the rules' callers still find them here.
export { isPending } from './appointment-statuses.ts';
export { isPrisonPathway, PRISON_PATHWAYS } from './pathways.ts';

const fail = (field: string, message: string) => new ValidationFailed(message, { [field]: message });

/** What is wrong with a date that must be today or earlier, if anything. */
export function futureDateProblem(date: string | undefined, now: Date): string | undefined {
  return date && date > londonDate(now) ? `must be today or earlier, got ${date}` : undefined;
}

/** What is wrong with a date that must not come before another date (`what` names it), if anything. */
export function earlierDateProblem(
  date: string | undefined,
  earliest: string | undefined,
  what: string,
): string | undefined {
  return date && earliest && date < earliest
    ? `must be on or after the ${what} (${earliest}), got ${date}`
    : undefined;
}

/** What is wrong with an expected release date on this pathway, if anything: only prison pathways have one. */
export function expectedReleaseProblem(
  pathway: string | undefined,
  expectedReleaseOn: string | undefined,
): string | undefined {
  return pathway && expectedReleaseOn && !isPrisonPathway(pathway)
    ? `a ${pathway} referral has no prison release: leave this out`
    : undefined;
}

/** What is wrong with a date of birth, if anything: it must be in the past and within 120 years. */
export function dateOfBirthProblem(date: string | undefined, now: Date): string | undefined {
  if (!date) return undefined;
  const today = londonDate(now);
  if (date >= today) return `must be a date in the past, got ${date}`;
  const earliest = `${String(Number(today.slice(0, 4)) - 120).padStart(4, '0')}${today.slice(4)}`;
  return date < earliest ? `must be within the last 120 years, got ${date}` : undefined;
}

/** What is wrong with an appointment change's `at`, given its new status, if anything. */
export function rescheduleProblem(status: string | undefined, at: string | undefined): string | undefined {
  if (status === 'rescheduled' && !at) return 'give the new time when rescheduling';
  if (status && status !== 'rescheduled' && at) return 'a new time only goes with status rescheduled';
  return undefined;
}

/** Refuses a date later than today. */
export function notInFuture(field: string, date: string, now: Date): void {
  const problem = futureDateProblem(date, now);
  if (problem) throw fail(field, problem);
}

/** Refuses a date earlier than another date of the case. */
export function notBefore(field: string, date: string, earliest: string | undefined, what: string): void {
  const problem = earlierDateProblem(date, earliest, what);
  if (problem) throw fail(field, problem);
}

/** A date of birth: in the past and no more than 120 years ago. */
export function checkDateOfBirth(date: string, now: Date): void {
  const problem = dateOfBirthProblem(date, now);
  if (problem) throw fail('dateOfBirth', problem);
}

/** Refuses any change to a closed case. */
export function requireOpen(referral: Referral): void {
  if (referral.status === 'closed') {
    throw new Conflict(
      'referral_closed',
      `This case was closed on ${referral.closedOn}: it can no longer be changed.`,
    );
  }
}

/** Checks a release can be recorded, and answers the referral's new fields. */
export function recordRelease(referral: Referral, releasedOn: string, now: Date) {
  requireOpen(referral);
  if (!isPrisonPathway(referral.pathway)) {
    throw new Conflict(
      'not_a_prison_pathway',
      `A ${referral.pathway} referral has no prison release to record.`,
    );
  }
  if (referral.releasedOn) {
    throw new Conflict('already_released', `The release was already recorded on ${referral.releasedOn}.`);
  }
  notInFuture('releasedOn', releasedOn, now);
  notBefore('releasedOn', releasedOn, referral.referredOn, 'referral date');
  return { status: 'released' as const, releasedOn };
}

/** Checks a treatment start can be recorded: after the release on the prison pathway. */
export function recordEngagement(referral: Referral, startedOn: string, now: Date) {
  requireOpen(referral);
  if (referral.engagedOn) {
    throw new Conflict('already_engaged', `Treatment start was already recorded on ${referral.engagedOn}.`);
  }
  notInFuture('startedOn', startedOn, now);
  if (isPrisonPathway(referral.pathway)) {
    if (!referral.releasedOn) {
      throw fail(
        'startedOn',
        'record the release before the treatment start: this person has not been released',
      );
    }
    notBefore('startedOn', startedOn, referral.releasedOn, 'release date');
  } else {
    notBefore('startedOn', startedOn, referral.referredOn, 'referral date');
  }
  return { status: 'engaged' as const, engagedOn: startedOn };
}

/** Checks a case can be closed on `closedOn` for `reason` (some reasons belong to one pathway). */
export function closeCase(referral: Referral, closedOn: string, now: Date, reason?: string) {
  requireOpen(referral);
  if (reason && !closeReasonAllowed(referral.pathway, reason)) {
    throw fail(
      'reason',
      `${reason} closes a ${CLOSE_REASONS_OF_PATHWAY[reason]?.join(' or ')} case only, not ${referral.pathway}`,
    );
  }
  notInFuture('closedOn', closedOn, now);
  notBefore(
    'closedOn',
    closedOn,
    referral.releasedOn ?? referral.referredOn,
    referral.releasedOn ? 'release date' : 'referral date',
  );
  return { status: 'closed' as const, closedOn };
}

/**
 * True when an admission to prison on `admittedOn` ends this case as a return to custody: a
 * prison-pathway case released, not engaged and not closed, whose release was no more than the
 * engagement window before the admission (an older release is another story, left to staff).
 */
export function returnedToCustody(referral: Referral, admittedOn: string, windowDays: number): boolean {
  if (!isPrisonPathway(referral.pathway) || referral.status !== 'released' || !referral.releasedOn)
    return false;
  const days = daysBetween(referral.releasedOn, admittedOn);
  return days >= 0 && days <= windowDays;
}

/** Checks a further offence date. */
export function checkOffence(referral: Referral, offendedOn: string, now: Date): void {
  notInFuture('offendedOn', offendedOn, now);
  notBefore('offendedOn', offendedOn, referral.referredOn, 'referral date');
}

/** Checks a new appointment; a referral has one live first appointment at a time. */
export function checkNewAppointment(
  referral: Referral,
  appointments: readonly Appointment[],
  input: { at: string; kind: string },
): void {
  requireOpen(referral);
  const kinds = APPOINTMENT_KINDS_OF_PATHWAY[referral.pathway];
  if (!kinds.includes(input.kind)) {
    throw fail('kind', `a ${referral.pathway} case books ${kinds.join(', ')}, not ${input.kind}`);
  }
  if (londonDate(new Date(input.at)) < referral.referredOn) {
    throw fail('at', `must be on or after the referral date (${referral.referredOn}), got ${input.at}`);
  }
  if (input.kind === 'first') {
    const live = appointments.find((a) => a.kind === 'first' && (isPending(a) || a.status === 'attended'));
    if (live) {
      throw new Conflict(
        'first_appointment_exists',
        `A first appointment is already ${live.status === 'attended' ? 'attended' : 'booked'}: change that one instead.`,
      );
    }
  }
}

/**
 * The engagement an attended appointment records, if any: on DIVERT the first session attended
 * is the engagement (its day), where the other pathways record a treatment start themselves.
 */
export function engagementByAttending(
  referral: Referral,
  appointment: Appointment,
): Partial<Pick<Referral, 'status' | 'engagedOn'>> {
  if (!engagesBySession(referral.pathway) || referral.engagedOn || appointment.kind !== 'session') return {};
  return { status: 'engaged', engagedOn: londonDate(new Date(appointment.at)) };
}

/** Checks an appointment status change; `rescheduled` needs the new time. */
export function checkAppointmentChange(
  referral: Referral,
  appointment: Appointment,
  change: { status: string; at?: string },
  now: Date,
): void {
  requireOpen(referral);
  const allowed = NEXT_APPOINTMENT_STATUSES[appointment.status] ?? [];
  if (!allowed.includes(change.status)) {
    throw new Conflict(
      'invalid_transition',
      `An appointment that is ${appointment.status} cannot become ${change.status}.`,
    );
  }
  const reschedule = rescheduleProblem(change.status, change.at);
  if (reschedule) throw fail('at', reschedule);
  if (change.at && londonDate(new Date(change.at)) < referral.referredOn) {
    throw fail('at', `must be on or after the referral date (${referral.referredOn}), got ${change.at}`);
  }
  if ((change.status === 'attended' || change.status === 'missed') && new Date(appointment.at) > now) {
    throw fail('status', `an appointment cannot be ${change.status} before its time (${appointment.at})`);
  }
}
