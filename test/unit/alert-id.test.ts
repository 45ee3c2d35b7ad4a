import { describe, expect, it } from 'vitest';
import { alertIdOf, parseAlertId } from '../../shared/domain/alert-id.ts';
import { AlertId } from '../../shared/schemas/alert.ts';
import * as z from '../../shared/schemas/zod.ts';

/** Alert ids (shared/domain/alert-id.ts): every id the service issues is accepted back by its routes. */
describe('alert ids', () => {
  const byHand = '01jq8m3v7k2n5p9r4t6w8y0z1a';
  // A case from a release list: the import's id, `f` and the row (shared/imports/apply-import.ts).
  const fromImport = `${byHand}f1234`;
  const appointment = '01jq8m4a1b2c3d4e5f6g7h8j9k';

  it.each([
    ['a rule', byHand, 'no_first_appointment'],
    ['a missed appointment', byHand, `first_appointment_missed.${appointment}`],
    ['an escalation', byHand, `alert_unacknowledged.first_appointment_missed.${appointment}`],
    ['a rule on an imported case', fromImport, 'release_not_confirmed'],
    ['an escalation on an imported case', fromImport, 'alert_unacknowledged.release_not_confirmed'],
  ])('accepts the id of %s, and reads its case and rule back', (_what, referralId, slot) => {
    // Act
    const id = alertIdOf(referralId, slot);
    // Assess
    expect(z.safeParse(AlertId, id).success).toBe(true);
    expect(parseAlertId(id)).toEqual({ referralId, slot, rule: slot.split('.')[0] });
  });

  it.each(['nope', `${byHand}-`, `${byHand}-NO_RULE`, `${byHand}-rule#x`, `x-no_first_appointment`])(
    'refuses %j',
    (id) => {
      expect(z.safeParse(AlertId, id).success).toBe(false);
    },
  );
});
