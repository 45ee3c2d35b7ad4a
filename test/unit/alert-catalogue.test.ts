import { describe, expect, it } from 'vitest';
import { alertEmail } from '../../shared/alerts/alert-email.ts';
import { recipientsOf } from '../../shared/alerts/recipients.ts';
import { ALERT_CATALOGUE, ALERT_TIMINGS, firesWhen } from '../../shared/domain/alert-catalogue.ts';
import { ALERT_RULES } from '../../shared/domain/values.ts';
import { AlertRuleSettings, PartnershipSettings, SETTING_BOUNDS } from '../../shared/schemas/partnership.ts';
import * as z from '../../shared/schemas/zod.ts';

/** The one catalogue of alert rules: every rule is in it, and everything said of a rule comes from it. */
describe('the alert catalogue (shared/domain/alert-catalogue.ts)', () => {
  it('describes every rule, and no other', () => {
    expect(Object.keys(ALERT_CATALOGUE).sort()).toEqual([...ALERT_RULES].sort());
  });

  it('gives each timing setting its range and default, which the settings schema applies', () => {
    // Prepare
    const defaults = z.parse(AlertRuleSettings, {});
    // Assess
    expect(Object.keys(defaults).sort()).toEqual(ALERT_TIMINGS.map((timing) => timing.setting).sort());
    for (const timing of ALERT_TIMINGS) {
      expect(defaults[timing.setting], timing.setting).toBe(timing.default);
      expect(SETTING_BOUNDS[timing.setting]).toEqual({ min: timing.min, max: timing.max });
      expect(z.safeParse(AlertRuleSettings, { [timing.setting]: timing.max + 1 }).success).toBe(false);
      expect(z.safeParse(AlertRuleSettings, { [timing.setting]: timing.min }).success).toBe(true);
    }
  });

  it('words the email of each rule from its facts, naming no one', () => {
    for (const rule of ALERT_RULES) {
      // Act
      const mail = alertEmail(
        { rule, referralId: '01JABCDEFGHJKMNPQRSTVWXYZ0', dueAt: '2026-03-14T10:30:00.000Z' },
        'Worcestershire',
        ['team@example.test'],
        'https://app.example',
      );
      // Assess
      expect(mail.subject).toContain(ALERT_CATALOGUE[rule].name);
      expect(mail.text).toContain(ALERT_CATALOGUE[rule].email.happened);
      expect(mail.text).toContain(ALERT_CATALOGUE[rule].email.action);
    }
  });

  it('sends a court review to the area team when nobody is assigned', () => {
    // Prepare
    const area = { id: 'area-1', alertEmails: ['team@example.test'] };
    const members = [
      { id: 'c1', email: 'caseworker@example.test', role: 'caseworker' as const, areaIds: ['area-1'] },
    ];
    // Act
    const assigned = recipientsOf('court_review_due', area, members, 'c1');
    const unassigned = recipientsOf('court_review_due', area, members, undefined);
    // Assess
    expect(assigned).toEqual(['caseworker@example.test']);
    expect(unassigned).toEqual(['team@example.test']);
  });

  it('sends each rule to its audience', () => {
    // Prepare
    const area = { id: 'area-1', alertEmails: ['team@example.test'] };
    const members = [
      { id: 'm1', email: 'manager@example.test', role: 'manager' as const, areaIds: ['area-1'] },
      { id: 'c1', email: 'caseworker@example.test', role: 'caseworker' as const, areaIds: ['area-1'] },
    ];
    const address = {
      team: 'team@example.test',
      managers: 'manager@example.test',
      caseworker: 'caseworker@example.test',
      // Assigned here, so the caseworker rather than the team.
      caseworker_else_team: 'caseworker@example.test',
    };
    for (const rule of ALERT_RULES) {
      // Act
      const to = recipientsOf(rule, area, members, 'c1');
      // Assess
      expect(to).toEqual(ALERT_CATALOGUE[rule].audience.map((audience) => address[audience]).sort());
    }
  });

  it('says when each rule fires, from a partnership’s settings', () => {
    const settings = z.parse(PartnershipSettings, {});
    expect(ALERT_RULES.map((rule) => firesWhen(rule, settings))).toEqual([
      { label: 'No first appointment after', value: '24 hours from release' },
      { label: 'First appointment grace', value: '4 hours after its time' },
      { label: 'Engagement at risk on', value: 'day 14 after release' },
      {
        label: 'Engagement window missed on',
        value: 'day 22 after release, once the engagement window has closed',
      },
      { label: 'Release not confirmed after', value: '1 day from the expected release date' },
      { label: 'Escalate an open alert after', value: '24 hours open and not acknowledged' },
      { label: 'Required assessment grace', value: '4 hours after its time' },
      { label: 'DIVERT session grace', value: '4 hours after its time' },
      { label: 'Court review notice', value: '7 days before each review date, at 9am' },
    ]);
  });
});
