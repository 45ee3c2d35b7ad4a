import { ALERT_RULES } from '../domain/values.ts';
import { DisplayName, Id, ListQuery } from './common.ts';
import * as z from './zod.ts';

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;

/**
 * An alert id: the referral's id and the alert's slot, joined by `-`. A case from a release list
 * has a longer id than one made by hand (`<importId>f<row>`).
 */
export const AlertId = z
  .string()
  .check(
    z.regex(
      /^[0-9a-z]{26,60}-[a-z_]{5,40}(\.[a-z_]{5,40})?(\.[0-9a-z]{26,60})?$/,
      'must be an alert id issued by the service',
    ),
  );

export const AlertsQuery = z.extend(ListQuery, {
  status: z.optional(z.enum(ALERT_STATUSES, { error: `must be one of ${ALERT_STATUSES.join(', ')}` })),
  areaId: z.optional(Id),
});

const Note = DisplayName.check(z.maxLength(500, 'must be at most 500 characters'));

/** `POST /alerts/{alertId}/acknowledge`: someone is dealing with it. */
export const AcknowledgeBody = z.strictObject({ note: z.optional(Note) });

/** `POST /alerts/{alertId}/resolve`: what was done, in a note. */
export const ResolveBody = z.strictObject({ note: Note });

const Actor = z.object({ memberId: z.string(), name: z.string() });

export const AlertSchema = z.object({
  id: z.string(),
  rule: z.enum(ALERT_RULES),
  referralId: z.string(),
  personId: z.optional(z.string()),
  areaId: z.string(),
  status: z.enum(ALERT_STATUSES),
  dueAt: z.string(),
  raisedAt: z.string(),
  caseReference: z.string(),
  /** The case reference again, under the name the worklist and case use. */
  reference: z.optional(z.string()),
  /** The person's name, on the alerts list, for staff who may see the case (never in an email). */
  person: z.optional(z.nullable(z.object({ givenName: z.string(), familyName: z.string() }))),
  slot: z.optional(z.string()),
  appointmentId: z.optional(z.string()),
  escalates: z.optional(z.object({ alertId: z.string(), rule: z.enum(ALERT_RULES) })),
  acknowledgedAt: z.optional(z.string()),
  acknowledgedBy: z.optional(Actor),
  resolvedAt: z.optional(z.string()),
  resolvedBy: z.optional(Actor),
  note: z.optional(z.string()),
  version: z.number(),
});

export const AlertCounts = z.object({ open: z.number(), acknowledged: z.number() });
