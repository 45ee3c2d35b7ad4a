import { byTimingSetting } from '../domain/alert-catalogue.ts';
import { answer, DisplayName, Email, RecordMeta } from './common.ts';
import { Member } from './member.ts';
import { Programmes } from './programme.ts';
import * as z from './zod.ts';

/** The range of each whole-number setting, for the schemas below and for forms that show it. */
export const SETTING_BOUNDS = {
  engagementWindowDays: { min: 7, max: 90 },
  retentionYears: { min: 1, max: 20 },
  // Each alert rule's timing, with its range, is in the alert catalogue.
  ...byTimingSetting(({ min, max }) => ({ min, max })),
} as const;

/** A whole number in a range. */
const wholeNumber = ({ min, max }: { min: number; max: number }) =>
  z.number().check(z.int(), z.gte(min), z.lte(max));
const setting = (name: keyof typeof SETTING_BOUNDS) => wholeNumber(SETTING_BOUNDS[name]);
const fraction = z.number().check(z.gte(0), z.lte(1));

/** Per-partnership alert rule timings (DESIGN.md §3 "Alert rules"), with the catalogue's defaults. */
export const AlertRuleSettings = z.object(
  byTimingSetting((timing) => z._default(wholeNumber(timing), timing.default)),
);

export const PartnershipSettings = z.object({
  engagementWindowDays: z._default(setting('engagementWindowDays'), 21),
  targetRate: z._default(fraction, 0.75),
  suppressSmallNumbers: z._default(z.boolean(), true),
  alertRules: z.prefault(AlertRuleSettings, {}),
  /** Years a closed case is kept before it is purged (adult treatment records: commonly 8). */
  retentionYears: z._default(setting('retentionYears'), 8),
  /** The programmes the partnership runs; a referral may be tagged only with these. */
  programmes: z._default(z.array(z.string()), []),
});
export type PartnershipSettings = z.infer<typeof PartnershipSettings>;

/**
 * The partnership's export key: the age recipient (a public key, not a secret) that the operator's
 * exports are encrypted to, and who set it when. Absent until the chair sets one.
 */
export const ExportKey = z.object({
  /** An age X25519 recipient, `age1…`. */
  recipient: z.string(),
  setAt: z.string(),
  setBy: z.object({ memberId: z.string(), name: z.string() }),
});
export type ExportKey = z.infer<typeof ExportKey>;

export const Partnership = z.extend(RecordMeta, {
  name: z.string(),
  settings: PartnershipSettings,
  exportKey: z.optional(ExportKey),
});
export type Partnership = z.infer<typeof Partnership>;

/** `POST /admin/partnerships` answers the partnership record itself, with the chair it invited. */
export const CreatedPartnership = answer(() => z.extend(Partnership, { chair: Member }));

export const PartnershipName = DisplayName.check(z.minLength(3, 'must be at least 3 characters'));

/** `POST /admin/partnerships`: the operator creates a partnership and invites its first chair. */
export const CreatePartnershipBody = z.strictObject({
  name: PartnershipName,
  chair: z.strictObject({ email: Email, name: DisplayName }),
});

/** `PATCH /partnership`: the chair changes the name and any subset of the settings. */
export const UpdatePartnershipBody = z
  .strictObject({
    name: z.optional(PartnershipName),
    settings: z.optional(
      z.strictObject({
        engagementWindowDays: z.optional(setting('engagementWindowDays')),
        targetRate: z.optional(fraction),
        suppressSmallNumbers: z.optional(z.boolean()),
        retentionYears: z.optional(setting('retentionYears')),
        programmes: z.optional(Programmes),
        alertRules: z.optional(z.strictObject(byTimingSetting((timing) => z.optional(wholeNumber(timing))))),
      }),
    ),
  })
  .check(
    z.refine((body) => body.name !== undefined || body.settings !== undefined, {
      message: 'give a name or settings to change',
    }),
  );

/**
 * `PUT /partnership/export-key`: the age recipient to encrypt the operator's exports to. Only its
 * length is checked here; shared/partnerships checks the key itself, so a private key pasted by
 * mistake is never echoed back in an error.
 */
export const SetExportKeyBody = z.strictObject({
  publicKey: z.string().check(z.maxLength(20_000, 'must be at most 20,000 characters')),
});
