import { ValidationFailed } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';

export type SettingsChanges = Partial<Omit<PartnershipSettings, 'alertRules'>> & {
  alertRules?: Partial<PartnershipSettings['alertRules']>;
};

/** What is wrong with the engagement-at-risk day against the window, if anything (both as they will be). */
export function riskDayProblem(
  riskDay: number | undefined,
  windowDays: number | undefined,
): string | undefined {
  return riskDay !== undefined && windowDays !== undefined && riskDay >= windowDays
    ? `must be less than the engagement window of ${windowDays} days, got ${riskDay}`
    : undefined;
}

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
  const problem = riskDayProblem(merged.alertRules.engagementAtRiskDay, merged.engagementWindowDays);
  if (problem) {
    throw new ValidationFailed(
      'The engagement-at-risk day must come before the end of the engagement window.',
      {
        'settings.alertRules.engagementAtRiskDay': problem,
      },
    );
  }
  return merged;
}
