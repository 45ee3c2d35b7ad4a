import { describe, expect, it } from 'vitest';
import {
  custodySuitesOfForce,
  POLICE_CUSTODY_SUITES,
  POLICE_FORCES,
} from '../../shared/reference/custody-suites-register.ts';

/** The public register of police custody suites (shared/reference/custody-suites-register.ts). */
describe('custody suites register', () => {
  it('lists forces of England and Wales, sorted, each with suites', () => {
    // Assess
    expect(POLICE_FORCES.length).toBeGreaterThanOrEqual(30);
    expect(POLICE_FORCES).toEqual([...POLICE_FORCES].sort((a, b) => a.localeCompare(b, 'en')));
    expect(POLICE_FORCES).toContain('Metropolitan Police Service');
    expect(POLICE_FORCES).toContain('South Wales Police');
    for (const force of POLICE_FORCES) expect(custodySuitesOfForce(force).length).toBeGreaterThan(0);
  });

  it('gives every suite a name and one of the forces, and no suite twice', () => {
    // Prepare
    const keys = POLICE_CUSTODY_SUITES.map((s) => `${s.policeForce}|${s.name}`);
    // Assess
    expect(POLICE_CUSTODY_SUITES.length).toBeGreaterThan(250);
    for (const suite of POLICE_CUSTODY_SUITES) {
      expect(suite.name.trim()).toBe(suite.name);
      expect(suite.name).not.toBe('');
      expect(POLICE_FORCES).toContain(suite.policeForce);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds the suites of a known force', () => {
    // Act
    const suites = custodySuitesOfForce('South Wales Police');
    // Assess
    expect(suites.map((s) => s.name)).toContain('Cardiff Bay Custody Suite');
    expect(suites.every((s) => s.policeForce === 'South Wales Police')).toBe(true);
    expect(custodySuitesOfForce('Metropolitan Police Service').map((s) => s.name)).toContain(
      'Charing Cross Police Station',
    );
  });

  it.each([
    ['sussex police', 'Sussex Police'],
    ['  SUSSEX   Police Force ', 'Sussex Police'],
    ['Avon & Somerset Constabulary', 'Avon and Somerset Police'],
    ['Dyfed Powys', 'Dyfed-Powys Police'],
    ['Metropolitan Police', 'Metropolitan Police Service'],
    ['The Met', 'Metropolitan Police Service'],
    ['Hampshire Constabulary', 'Hampshire and Isle of Wight Constabulary'],
    ['Cheshire Police', 'Cheshire Constabulary'],
  ])('matches the force %j to %s', (typed, force) => {
    // Act
    const suites = custodySuitesOfForce(typed);
    // Assess
    expect(suites.length).toBeGreaterThan(0);
    expect(suites).toEqual(custodySuitesOfForce(force));
  });

  it('keeps the forces apart after their suffixes are dropped', () => {
    // Prepare
    const counts = POLICE_FORCES.map((force) => custodySuitesOfForce(force).length);
    // Assess
    expect(counts.reduce((a, b) => a + b, 0)).toBe(POLICE_CUSTODY_SUITES.length);
  });

  it.each(['Police Scotland', 'PSNI', 'Nowhere Constabulary', '', 'Police'])(
    'finds no suites for %j',
    (typed) => {
      // Act
      const suites = custodySuitesOfForce(typed);
      // Assess
      expect(suites).toEqual([]);
    },
  );
});
