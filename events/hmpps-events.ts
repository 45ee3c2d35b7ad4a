import { PRISON_NUMBER } from '../shared/domain/prison-number.ts';
import * as z from '../shared/schemas/zod.ts';

/** The HMPPS domain events the ingestion takes (and the SNS subscription lets through). */
export const PRISONER_RELEASED = 'prison-offender-events.prisoner.released';

/**
 * The one reason HMPPS gives that is a release to the community. The others (temporary absence,
 * sent to court, transferred, released to hospital, and any HMPPS adds) are kept as they come and
 * go on the case's timeline without starting the alert clock.
 */
export const COMMUNITY_RELEASE = 'RELEASED';

/** What HMPPS says of a prisoner's movement, on both events. */
const movement = () =>
  z.object({
    nomsNumber: z.pipe(
      z.pipe(
        z.string(),
        z.transform((value: string) => value.trim().toUpperCase()),
      ),
      z.string().check(z.regex(PRISON_NUMBER, 'must be a NOMIS prison number like A1234BC')),
    ),
    prisonId: z
      .string()
      .check(
        z.trim(),
        z.minLength(2),
        z.maxLength(10),
        z.regex(/^[A-Za-z0-9]+$/, 'must be a prison code such as HEI'),
      ),
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  });

const OCCURRED_AT = () =>
  z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with an offset' });

/**
 * An HMPPS domain event `prison-offender-events.prisoner.released`, as published on the HMPPS
 * domain events topic. Fields the service does not use are allowed and ignored.
 */
export const PrisonerReleasedEvent = z.object({
  eventType: z.literal(PRISONER_RELEASED, { error: `must be ${PRISONER_RELEASED}` }),
  occurredAt: OCCURRED_AT(),
  additionalInformation: movement(),
});
export type PrisonerReleasedEvent = z.infer<typeof PrisonerReleasedEvent>;

export const PRISONER_RECEIVED = 'prison-offender-events.prisoner.received';

/**
 * The one reason of a received event that is a return to custody: an admission, whatever its
 * probable cause (recall, a new conviction, remand…). Transfers, returns from court and from
 * temporary absence are movements of someone already in custody and change nothing.
 */
export const ADMISSION = 'ADMISSION';

/** An HMPPS domain event `prison-offender-events.prisoner.received`: someone arrived in a prison. */
export const PrisonerReceivedEvent = z.object({
  eventType: z.literal(PRISONER_RECEIVED, { error: `must be ${PRISONER_RECEIVED}` }),
  occurredAt: OCCURRED_AT(),
  additionalInformation: z.extend(movement(), {
    probableCause: z.optional(z.string().check(z.maxLength(60))),
  }),
});
export type PrisonerReceivedEvent = z.infer<typeof PrisonerReceivedEvent>;

/** The HMPPS events the service takes: a release, or an arrival in prison. */
export const HmppsPrisonerEvent = z.discriminatedUnion('eventType', [
  PrisonerReleasedEvent,
  PrisonerReceivedEvent,
]);
export type HmppsPrisonerEvent = z.infer<typeof HmppsPrisonerEvent>;

/** SNS wraps topic messages delivered to an SQS queue; unwrap to the HMPPS event itself. */
export function unwrapSns(body: unknown): unknown {
  if (body && typeof body === 'object' && (body as { Type?: unknown }).Type === 'Notification') {
    const message = (body as { Message?: unknown }).Message;
    if (typeof message === 'string') {
      try {
        return JSON.parse(message);
      } catch {
        return message;
      }
    }
  }
  return body;
}
