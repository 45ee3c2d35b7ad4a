import { logger } from '../adapters/logger.ts';
import type { EventPublisher } from '../adapters/ports.ts';
import { raiseDueAlerts } from '../alerts/raise-alerts.ts';
import type { MemberActor } from '../auth/area-access.ts';
import { failedToAttendItem } from '../data/failed-to-attend-repo.ts';
import { newId } from '../data/ids.ts';
import { appointmentWrite, newAppointmentWrite } from '../data/referrals-repo.ts';
import { putNew } from '../data/table-io.ts';
import { establishmentCode } from '../domain/establishment-rules.ts';
import { REQUIRED_ASSESSMENT_KINDS } from '../domain/pathways.ts';
import * as rules from '../domain/referral-rules.ts';
import { NotFound, VersionConflict } from '../errors.ts';
import { establishmentName } from '../reference/establishments.ts';
import type {
  Appointment,
  CloseBody,
  CreateAppointmentBody,
  EngagementBody,
  OffenceBody,
  Referral,
  ReleaseBody,
  UpdateAppointmentBody,
} from '../schemas/referral.ts';
import type * as z from '../schemas/zod.ts';
import {
  type CaseContext,
  type CaseDecision,
  type CaseDeps,
  changeCase,
  type IfMatch,
} from './change-case.ts';
import { contactCountsFor } from './contacts.ts';

/**
 * The case actions of API.md "Cases": each one change to a case, decided by the domain rules and
 * written with its timeline event and audit record (shared/cases/change-case.ts).
 */
const words = (value: string) => value.replaceAll('_', ' ');

/** A decision about the referral itself: audited as a change of the referral. */
type ReferralDecision = Omit<CaseDecision, 'audited'>;

/** A case action that changes the referral and answers it, deciding from the body and the case. */
const referralAction =
  <B>(decide: (body: B, context: CaseContext) => ReferralDecision) =>
  async (
    deps: CaseDeps,
    actor: MemberActor,
    referralId: string,
    body: B,
    ifMatch?: IfMatch,
  ): Promise<Referral> => {
    const changed = await changeCase(
      deps,
      actor,
      referralId,
      (context) => ({
        ...decide(body, context),
        audited: { record: 'referral', recordId: context.current.referral.id },
      }),
      ifMatch,
    );
    return changed.referral;
  };

/** The person left prison; the alert clock starts; contacts on or after the day count as after release. */
export const recordRelease = async (
  deps: CaseDeps,
  actor: MemberActor,
  referralId: string,
  body: z.output<typeof ReleaseBody>,
  ifMatch?: IfMatch,
): Promise<Referral> => {
  const contactCounts = await contactCountsFor(
    deps.table,
    actor.principal.tenantId,
    referralId,
    body.releasedOn,
  );
  return releaseAction(contactCounts)(deps, actor, referralId, body, ifMatch);
};

const releaseAction = (contactCounts: Referral['contactCounts']) =>
  referralAction<z.output<typeof ReleaseBody>>((body, { current, now }) => {
    // Typed as a code or a name; the register's code is what is kept.
    const establishment = body.establishment
      ? establishmentCode('establishment', body.establishment)
      : undefined;
    return {
      changes: {
        ...rules.recordRelease(current.referral, body.releasedOn, now),
        releaseType: body.releaseType,
        ...(establishment ? { establishment } : {}),
        contactCounts,
      },
      event: {
        kind: 'released',
        summary: `Released on ${body.releasedOn} (${words(body.releaseType)})${establishment ? ` from ${establishmentName(establishment)}` : ''}`,
        details: { releasedOn: body.releasedOn, releaseType: body.releaseType, establishment },
      },
    };
  });

/** How the timeline names an appointment of each kind. */
const KIND_WORDS: Record<Appointment['kind'], string> = {
  first: 'First appointment',
  follow_up: 'Follow-up appointment',
  initial_assessment: 'Initial required assessment',
  follow_up_assessment: 'Follow-up required assessment',
  session: 'DIVERT session',
};

/** Appointments whose being missed raises an alert at once (the first, a required assessment, a session). */
const ALERTED_WHEN_MISSED: ReadonlySet<string> = new Set(['first', ...REQUIRED_ASSESSMENT_KINDS, 'session']);

/** Books an appointment. */
export async function bookAppointment(
  deps: CaseDeps,
  actor: MemberActor,
  referralId: string,
  body: z.output<typeof CreateAppointmentBody>,
  ifMatch?: IfMatch,
): Promise<Appointment> {
  let booked: Appointment | undefined;
  await changeCase(
    deps,
    actor,
    referralId,
    ({ tenantId, current, now }) => {
      rules.checkNewAppointment(current.referral, current.appointments, body);
      const at = new Date(body.at).toISOString();
      const { appointment, write } = newAppointmentWrite(
        tenantId,
        current.referral.id,
        {
          id: newId(now),
          at,
          location: body.location,
          kind: body.kind,
          ...(body.mode ? { mode: body.mode } : {}),
          status: 'booked',
        },
        now,
      );
      booked = appointment;
      return {
        changes: body.kind === 'first' ? { firstAppointmentAt: at } : {},
        appointments: [...current.appointments, appointment],
        writes: [write],
        event: {
          kind: 'appointment_booked',
          summary: `${KIND_WORDS[body.kind]} booked for ${at} at ${body.location}${body.mode ? ` (${words(body.mode)})` : ''}`,
          details: {
            appointmentId: appointment.id,
            at,
            kind: body.kind,
            location: body.location,
            mode: body.mode,
          },
        },
        audited: { record: 'appointment', recordId: appointment.id },
      };
    },
    ifMatch,
  );
  return booked as Appointment;
}

/**
 * Marks an appointment attended, missed or cancelled, or moves it, at the version `ifMatch` names
 * (the appointment's). A missed first appointment raises its alert at once rather than at the next
 * sweep; if that fails, the case's due check still holds it and the sweep raises it.
 */
export async function changeAppointment(
  deps: CaseDeps & { publisher: EventPublisher },
  actor: MemberActor,
  ids: { referralId: string; appointmentId: string },
  body: z.output<typeof UpdateAppointmentBody>,
  ifMatch: number,
): Promise<Appointment> {
  let updated: Appointment | undefined;
  await changeCase(deps, actor, ids.referralId, ({ tenantId, current, now }) => {
    const appointment = current.appointments.find((candidate) => candidate.id === ids.appointmentId);
    if (!appointment) throw new NotFound('appointment');
    if (appointment.version !== ifMatch) throw new VersionConflict(appointment.version);
    rules.checkAppointmentChange(current.referral, appointment, body, now);
    const at = body.at ? new Date(body.at).toISOString() : appointment.at;
    const changed: Appointment = {
      ...appointment,
      status: body.status,
      at,
      version: appointment.version + 1,
      updatedAt: now.toISOString(),
    };
    updated = changed;
    const what = KIND_WORDS[appointment.kind];
    return {
      changes: {
        ...(appointment.kind === 'first' && body.at ? { firstAppointmentAt: at } : {}),
        // On DIVERT, taking part is the engagement: the first session attended records it.
        ...(body.status === 'attended' ? rules.engagementByAttending(current.referral, changed) : {}),
      },
      appointments: current.appointments.map((candidate) =>
        candidate.id === appointment.id ? changed : candidate,
      ),
      writes: [appointmentWrite(tenantId, changed, appointment.version)],
      event: {
        kind: 'appointment_updated',
        summary:
          body.status === 'rescheduled'
            ? `${what} moved from ${appointment.at} to ${at}`
            : `${what} on ${appointment.at} marked ${body.status}`,
        details: { appointmentId: appointment.id, from: appointment.status, to: body.status, at },
      },
      audited: { record: 'appointment', recordId: appointment.id },
    };
  });
  const result = updated as Appointment;
  if (result.status === 'missed' && ALERTED_WHEN_MISSED.has(result.kind)) {
    await raiseDueAlerts(deps, actor.principal.tenantId, ids.referralId).catch((error: unknown) => {
      logger.warn('could not raise the missed-appointment alert at once', { error: String(error) });
    });
  }
  return result;
}

/** Records the treatment start that counts for the measure. */
export const recordEngagement = referralAction<z.output<typeof EngagementBody>>(
  ({ startedOn }, { current, now }) => ({
    changes: rules.recordEngagement(current.referral, startedOn, now),
    event: { kind: 'engaged', summary: `Treatment started on ${startedOn}`, details: { startedOn } },
  }),
);

/** Ends the case with its reason. */
export const closeCase = referralAction<z.output<typeof CloseBody>>(
  ({ reason, closedOn }, { tenantId, current, now }) => ({
    changes: { ...rules.closeCase(current.referral, closedOn, now, reason), closeReason: reason },
    event: {
      kind: 'closed',
      summary: `Case closed on ${closedOn}: ${words(reason)}`,
      details: { reason, closedOn },
    },
    // The manager's list for the police under the local protocol finds the case by this entry.
    writes:
      reason === 'failed_to_attend'
        ? [putNew(failedToAttendItem(tenantId, current.referral, closedOn, current.appointments, now))]
        : [],
  }),
);

/** Records a further offence (DIVERT's six-month measure). */
export const recordOffence = referralAction<z.output<typeof OffenceBody>>(
  ({ offendedOn }, { current, now }) => {
    rules.checkOffence(current.referral, offendedOn, now);
    const offences = [...current.referral.offences, { offendedOn, recordedAt: now.toISOString() }].sort(
      (a, b) => a.offendedOn.localeCompare(b.offendedOn),
    );
    return {
      changes: { offences },
      event: {
        kind: 'offence_recorded',
        summary: `Further offence on ${offendedOn}`,
        details: { offendedOn },
      },
    };
  },
);
