import { DisplayName, Email, RecordMeta } from './common.ts';
import * as z from './zod.ts';

/** The range of each whole-number setting, for the schemas below and for forms that show it. */
export const SETTING_BOUNDS = {
  engagementWindowDays: { min: 7, max: 90 },
  retentionYears: { min: 1, max: 20 },
  noFirstAppointmentHours: { min: 1, max: 168 },
  firstAppointmentGraceHours: { min: 1, max: 72 },
  engagementAtRiskDay: { min: 1, max: 89 },
  releaseNotConfirmedDays: { min: 0, max: 14 },
} as const;

/** A whole number in the setting's range. */
const setting = (name: keyof typeof SETTING_BOUNDS) =>
  z.number().check(z.int(), z.gte(SETTING_BOUNDS[name].min), z.lte(SETTING_BOUNDS[name].max));
const fraction = z.number().check(z.gte(0), z.lte(1));

/** Per-partnership alert rule timings (DESIGN.md §3 "Alert rules"). */
export const AlertRuleSettings = z.object({
  noFirstAppointmentHours: z._default(setting('noFirstAppointmentHours'), 24),
  firstAppointmentGraceHours: z._default(setting('firstAppointmentGraceHours'), 4),
  engagementAtRiskDay: z._default(setting('engagementAtRiskDay'), 14),
  releaseNotConfirmedDays: z._default(setting('releaseNotConfirmedDays'), 1),
});

export const PartnershipSettings = z.object({
  engagementWindowDays: z._default(setting('engagementWindowDays'), 21),
  targetRate: z._default(fraction, 0.75),
  suppressSmallNumbers: z._default(z.boolean(), true),
  alertRules: z.prefault(AlertRuleSettings, {}),
  /** Years a closed case is kept before it is purged (adult treatment records: commonly 8). */
  retentionYears: z._default(setting('retentionYears'), 8),
});
export type PartnershipSettings = z.infer<typeof PartnershipSettings>;

export const Partnership = z.extend(RecordMeta, {
  name: z.string(),
  settings: PartnershipSettings,
});
export type Partnership = z.infer<typeof Partnership>;

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
        alertRules: z.optional(
          z.strictObject({
            noFirstAppointmentHours: z.optional(setting('noFirstAppointmentHours')),
            firstAppointmentGraceHours: z.optional(setting('firstAppointmentGraceHours')),
            engagementAtRiskDay: z.optional(setting('engagementAtRiskDay')),
            releaseNotConfirmedDays: z.optional(setting('releaseNotConfirmedDays')),
          }),
        ),
      }),
    ),
  })
  .check(
    z.refine((body) => body.name !== undefined || body.settings !== undefined, {
      message: 'give a name or settings to change',
    }),
  );
