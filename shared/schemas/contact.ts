import { answer, ListQuery, listOf } from './common.ts';
import { DateTime } from './dates.ts';
import * as z from './zod.ts';

export const CONTACT_METHODS = ['in_person', 'phone', 'video', 'letter', 'message', 'other'] as const;
export const CONTACT_OUTCOMES = ['made', 'attempted', 'declined'] as const;
export const CONTACT_STAGES = ['pre_release', 'post_release'] as const;
export type ContactStage = (typeof CONTACT_STAGES)[number];

/** `POST /referrals/{referralId}/contacts`: a contact with the person (an in-reach visit, a call). */
export const CreateContactBody = z.strictObject({
  at: DateTime,
  method: z.enum(CONTACT_METHODS, { error: `must be one of ${CONTACT_METHODS.join(', ')}` }),
  outcome: z.enum(CONTACT_OUTCOMES, { error: `must be one of ${CONTACT_OUTCOMES.join(', ')}` }),
  note: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(1000, 'must be at most 1,000 characters'),
        z.regex(/^[^\p{Cs}]*$/u, 'must be text'),
      ),
  ),
});

export const Contact = answer(() =>
  z.object({
    id: z.string(),
    referralId: z.string(),
    at: z.string(),
    method: z.enum(CONTACT_METHODS),
    outcome: z.enum(CONTACT_OUTCOMES),
    note: z.optional(z.string()),
    stage: z.enum(CONTACT_STAGES),
    recordedBy: z.object({ memberId: z.string(), name: z.string() }),
    version: z.number().check(z.int()),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);
export type Contact = z.infer<typeof Contact>;

export const ContactsQuery = ListQuery;
export const Contacts = answer(() => listOf(Contact));
