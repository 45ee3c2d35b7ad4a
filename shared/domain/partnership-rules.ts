import { ValidationFailed } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';

export type SettingsChanges = Partial<Omit<PartnershipSettings, 'alertRules'>> & {
  alertRules?: Partial<PartnershipSettings['alertRules']>;
};

/**
 * Applies a partial change to a partnership's settings and checks the whole: the
 * engagement-at-risk day must fall inside the engagement window, or its alert could never fire
 * before the window-missed one.
 */
export function mergeSettings(current: PartnershipSettings, changes: SettingsChanges): PartnershipSettings {
  const merged: PartnershipSettings = {
    ...current,
    ...changes,
    alertRules: { ...current.alertRules, ...changes.alertRules },
  };
  if (merged.alertRules.engagementAtRiskDay >= merged.engagementWindowDays) {
    throw new ValidationFailed(
      'The engagement-at-risk day must come before the end of the engagement window.',
      {
        'settings.alertRules.engagementAtRiskDay': `must be less than the engagement window of ${merged.engagementWindowDays} days, got ${merged.alertRules.engagementAtRiskDay}`,
      },
    );
  }
  return merged;
}
