import { z } from 'zod';
import { DisplayName, Email, RecordMeta } from './common.ts';

/** Per-partnership alert rule timings (DESIGN.md §3 "Alert rules"). */
export const AlertRuleSettings = z.object({
  noFirstAppointmentHours: z.number().int().min(1).max(168).default(24),
  firstAppointmentGraceHours: z.number().int().min(1).max(72).default(4),
  engagementAtRiskDay: z.number().int().min(1).max(89).default(14),
  releaseNotConfirmedDays: z.number().int().min(0).max(14).default(1),
});

export const PartnershipSettings = z.object({
  engagementWindowDays: z.number().int().min(7).max(90).default(21),
  targetRate: z.number().min(0).max(1).default(0.75),
  suppressSmallNumbers: z.boolean().default(true),
  alertRules: AlertRuleSettings.prefault({}),
  /** Years a closed case is kept before it is purged (adult treatment records: commonly 8). */
  retentionYears: z.number().int().min(1).max(20).default(8),
});
export type PartnershipSettings = z.infer<typeof PartnershipSettings>;

export const Partnership = RecordMeta.extend({
  name: z.string(),
  settings: PartnershipSettings,
});
export type Partnership = z.infer<typeof Partnership>;

export const PartnershipName = DisplayName.min(3, 'must be at least 3 characters');

/** `POST /admin/partnerships`: the operator creates a partnership and invites its first chair. */
export const CreatePartnershipBody = z.strictObject({
  name: PartnershipName,
  chair: z.strictObject({ email: Email, name: DisplayName }),
});

/** `PATCH /partnership`: the chair changes the name and any subset of the settings. */
export const UpdatePartnershipBody = z
  .strictObject({
    name: PartnershipName.optional(),
    settings: z
      .strictObject({
        engagementWindowDays: z.number().int().min(7).max(90).optional(),
        targetRate: z.number().min(0).max(1).optional(),
        suppressSmallNumbers: z.boolean().optional(),
        retentionYears: z.number().int().min(1).max(20).optional(),
        alertRules: z
          .strictObject({
            noFirstAppointmentHours: z.number().int().min(1).max(168).optional(),
            firstAppointmentGraceHours: z.number().int().min(1).max(72).optional(),
            engagementAtRiskDay: z.number().int().min(1).max(89).optional(),
            releaseNotConfirmedDays: z.number().int().min(0).max(14).optional(),
          })
          .optional(),
      })
      .optional(),
  })
  .refine((body) => body.name !== undefined || body.settings !== undefined, {
    message: 'give a name or settings to change',
  });
