import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/data/partnerships-repo.ts';
import { mergeSettings } from '../../shared/domain/partnership-rules.ts';
import { ValidationFailed } from '../../shared/errors.ts';
import type { PartnershipSettings } from '../../shared/schemas/partnership.ts';

const current: PartnershipSettings = {
  engagementWindowDays: 21,
  targetRate: 0.75,
  suppressSmallNumbers: true,
  alertRules: {
    noFirstAppointmentHours: 24,
    firstAppointmentGraceHours: 4,
    engagementAtRiskDay: 14,
    releaseNotConfirmedDays: 1,
    escalateAfterHours: 24,
    requiredAssessmentGraceHours: 4,
    sessionGraceHours: 4,
    courtReviewNoticeDays: 7,
  },
  retentionYears: 8,
  programmes: [],
};

const AT_RISK_FIELD = 'settings.alertRules.engagementAtRiskDay';

describe('mergeSettings', () => {
  it('matches the defaults of a new partnership', () => {
    expect(defaultSettings()).toEqual(current);
  });

  it('changes only the top-level fields given', () => {
    expect(mergeSettings(current, { targetRate: 0.8, suppressSmallNumbers: false })).toEqual({
      ...current,
      targetRate: 0.8,
      suppressSmallNumbers: false,
    });
  });

  it('merges a partial alertRules change into the current rules', () => {
    const merged = mergeSettings(current, { alertRules: { noFirstAppointmentHours: 48 } });
    expect(merged.alertRules).toEqual({ ...current.alertRules, noFirstAppointmentHours: 48 });
    expect(merged.engagementWindowDays).toBe(21);
  });

  it('keeps every rule when no alertRules are given', () => {
    expect(mergeSettings(current, {}).alertRules).toEqual(current.alertRules);
  });

  it('does not change the current settings object', () => {
    const before = structuredClone(current);
    mergeSettings(current, { engagementWindowDays: 28, alertRules: { engagementAtRiskDay: 20 } });
    expect(current).toEqual(before);
  });

  it('accepts an at-risk day one less than the window', () => {
    expect(
      mergeSettings(current, { alertRules: { engagementAtRiskDay: 20 } }).alertRules.engagementAtRiskDay,
    ).toBe(20);
  });

  it('refuses an at-risk day equal to the window, naming the field and the value', () => {
    let error: unknown;
    try {
      mergeSettings(current, { alertRules: { engagementAtRiskDay: 21 } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    const fields = (error as ValidationFailed).fields ?? {};
    expect(Object.keys(fields)).toEqual([AT_RISK_FIELD]);
    expect(fields[AT_RISK_FIELD]).toBe('must be less than the engagement window of 21 days, got 21');
  });

  it('refuses a window shortened to or below the current at-risk day', () => {
    expect(() => mergeSettings(current, { engagementWindowDays: 14 })).toThrow(ValidationFailed);
    expect(() => mergeSettings(current, { engagementWindowDays: 10 })).toThrow(ValidationFailed);
  });

  it('accepts a shorter window when the at-risk day moves with it', () => {
    const merged = mergeSettings(current, {
      engagementWindowDays: 10,
      alertRules: { engagementAtRiskDay: 7 },
    });
    expect(merged.engagementWindowDays).toBe(10);
    expect(merged.alertRules.engagementAtRiskDay).toBe(7);
  });
});
