import type { z } from 'zod';
import { logger } from '../../../shared/adapters/logger.ts';
import { raiseDueAlerts } from '../../../shared/alerts/raise-alerts.ts';
import { newId } from '../../../shared/data/ids.ts';
import { keys } from '../../../shared/data/keys.ts';
import { newItem, toRecord } from '../../../shared/data/records.ts';
import * as rules from '../../../shared/domain/referral-rules.ts';
import { NotFound, VersionConflict } from '../../../shared/errors.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import type {
  Appointment,
  CloseBody,
  CreateAppointmentBody,
  EngagementBody,
  OffenceBody,
  ReleaseBody,
  UpdateAppointmentBody,
} from '../../../shared/schemas/referral.ts';
import { changeCase } from '../case-change.ts';
import { route } from '../routes.ts';

type ReferralParams = { referralId: string };
const words = (value: string) => value.replaceAll('_', ' ');

/** `POST /referrals/{referralId}/release`: the person left prison; the alert clock starts. */
export const recordRelease = apiHandler<ReferralParams, unknown, z.output<typeof ReleaseBody>>(
  route('recordRelease'),
  async (request, deps) => {
    const { body } = request;
    const { referral } = await changeCase(request, deps, ({ current, now }) => ({
      changes: {
        ...rules.recordRelease(current.referral, body.releasedOn, now),
        releaseType: body.releaseType,
        ...(body.establishment ? { establishment: body.establishment } : {}),
      },
      event: {
        kind: 'released',
        summary: `Released on ${body.releasedOn} (${words(body.releaseType)})${body.establishment ? ` from ${body.establishment}` : ''}`,
        details: {
          releasedOn: body.releasedOn,
          releaseType: body.releaseType,
          establishment: body.establishment,
        },
      },
      audited: { record: 'referral', recordId: current.referral.id },
    }));
    return { body: referral };
  },
);

/** `POST /referrals/{referralId}/appointments`: book an appointment. */
export const createAppointment = apiHandler<ReferralParams, unknown, z.output<typeof CreateAppointmentBody>>(
  route('createAppointment'),
  async (request, deps) => {
    const { body } = request;
    let appointment: Appointment | undefined;
    await changeCase(request, deps, ({ tenantId, current, now }) => {
      rules.checkNewAppointment(current.referral, current.appointments, body);
      const id = newId(now);
      const at = new Date(body.at).toISOString();
      const item = newItem(
        keys.appointment(tenantId, current.referral.id, id),
        'appointment',
        {
          id,
          referralId: current.referral.id,
          at,
          location: body.location,
          kind: body.kind,
          status: 'booked',
        },
        now,
      );
      appointment = toRecord<Appointment>(item);
      return {
        changes: body.kind === 'first' ? { firstAppointmentAt: at } : {},
        appointments: [...current.appointments, appointment],
        writes: [
          {
            Put: { TableName: deps.table.name, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
          },
        ],
        event: {
          kind: 'appointment_booked',
          summary: `${body.kind === 'first' ? 'First appointment' : 'Follow-up appointment'} booked for ${at} at ${body.location}`,
          details: { appointmentId: id, at, kind: body.kind, location: body.location },
        },
        audited: { record: 'appointment', recordId: id },
      };
    });
    return { status: 201, body: appointment };
  },
);

/** `PATCH /referrals/{referralId}/appointments/{appointmentId}`: attended, missed, cancelled or moved. */
export const updateAppointment = apiHandler<
  ReferralParams & { appointmentId: string },
  unknown,
  z.output<typeof UpdateAppointmentBody>
>(route('updateAppointment'), async (request, deps) => {
  const { body, ifMatch } = request;
  let updated: Appointment | undefined;
  await changeCase(
    request,
    deps,
    ({ tenantId, current, now }) => {
      const appointment = current.appointments.find(
        (candidate) => candidate.id === request.params.appointmentId,
      );
      if (!appointment) throw new NotFound('appointment');
      if (appointment.version !== ifMatch) throw new VersionConflict(appointment.version);
      rules.checkAppointmentChange(current.referral, appointment, body, now);
      const at = body.at ? new Date(body.at).toISOString() : appointment.at;
      updated = {
        ...appointment,
        status: body.status,
        at,
        version: appointment.version + 1,
        updatedAt: now.toISOString(),
      };
      const tenantKey = keys.appointment(tenantId, current.referral.id, appointment.id);
      return {
        changes: appointment.kind === 'first' && body.at ? { firstAppointmentAt: at } : {},
        appointments: current.appointments.map((candidate) =>
          candidate.id === appointment.id ? (updated as Appointment) : candidate,
        ),
        writes: [
          {
            Put: {
              TableName: deps.table.name,
              Item: { ...tenantKey, type: 'appointment', ...updated },
              ConditionExpression: 'version = :seen',
              ExpressionAttributeValues: { ':seen': appointment.version },
            },
          },
        ],
        event: {
          kind: 'appointment_updated',
          summary:
            body.status === 'rescheduled'
              ? `${appointment.kind === 'first' ? 'First appointment' : 'Appointment'} moved from ${appointment.at} to ${at}`
              : `${appointment.kind === 'first' ? 'First appointment' : 'Appointment'} on ${appointment.at} marked ${body.status}`,
          details: { appointmentId: appointment.id, from: appointment.status, to: body.status, at },
        },
        audited: { record: 'appointment', recordId: appointment.id },
      };
    },
    false,
  );
  // A missed first appointment raises its alert at once rather than at the next sweep; if this
  // fails, the case's due check still holds it and the sweep raises it.
  if (updated?.status === 'missed' && updated.kind === 'first' && request.principal.kind === 'member') {
    await raiseDueAlerts(deps, request.principal.tenantId, request.params.referralId).catch(
      (error: unknown) => {
        logger.warn('could not raise the missed-appointment alert at once', { error: String(error) });
      },
    );
  }
  return { body: updated };
});

/** `POST /referrals/{referralId}/engagement`: the treatment start that counts for the measure. */
export const recordEngagement = apiHandler<ReferralParams, unknown, z.output<typeof EngagementBody>>(
  route('recordEngagement'),
  async (request, deps) => {
    const { startedOn } = request.body;
    const { referral } = await changeCase(request, deps, ({ current, now }) => ({
      changes: rules.recordEngagement(current.referral, startedOn, now),
      event: { kind: 'engaged', summary: `Treatment started on ${startedOn}`, details: { startedOn } },
      audited: { record: 'referral', recordId: current.referral.id },
    }));
    return { body: referral };
  },
);

/** `POST /referrals/{referralId}/close`: end the case with its reason. */
export const closeReferral = apiHandler<ReferralParams, unknown, z.output<typeof CloseBody>>(
  route('closeReferral'),
  async (request, deps) => {
    const { reason, closedOn } = request.body;
    const { referral } = await changeCase(request, deps, ({ current, now }) => ({
      changes: { ...rules.closeCase(current.referral, closedOn, now), closeReason: reason },
      event: {
        kind: 'closed',
        summary: `Case closed on ${closedOn}: ${words(reason)}`,
        details: { reason, closedOn },
      },
      audited: { record: 'referral', recordId: current.referral.id },
    }));
    return { body: referral };
  },
);

/** `POST /referrals/{referralId}/offences`: a further offence (DIVERT's six-month measure). */
export const recordOffence = apiHandler<ReferralParams, unknown, z.output<typeof OffenceBody>>(
  route('recordOffence'),
  async (request, deps) => {
    const { offendedOn } = request.body;
    const { referral } = await changeCase(request, deps, ({ current, now }) => {
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
        audited: { record: 'referral', recordId: current.referral.id },
      };
    });
    return { status: 201, body: referral };
  },
);
