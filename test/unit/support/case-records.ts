import type { Appointment, Referral } from '../../../shared/schemas/referral.ts';

/**
 * The case the rule tests share: referred on 1 March 2026 to continuity of care, expected out on
 * 10 March; released that day (nominally 09:00 UTC) in `released`; a first appointment booked on
 * 9 March for 11 March at 10:00 UTC.
 */
export function referral(changes: Partial<Referral> = {}): Referral {
  return {
    id: 'referral-0001',
    version: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    personId: 'person-0001',
    pathway: 'continuity_of_care',
    areaId: 'area-north',
    source: 'HMP Hewell',
    referredOn: '2026-03-01',
    expectedReleaseOn: '2026-03-10',
    status: 'referred',
    offences: [],
    reference: 'C-00000001',
    programmes: [],
    openAlerts: 0,
    contactCounts: { preRelease: 0, postRelease: 0 },
    ...changes,
  };
}

/** The shared case, released on 10 March on licence. */
export const released = (changes: Partial<Referral> = {}): Referral =>
  referral({ status: 'released', releasedOn: '2026-03-10', releaseType: 'licence', ...changes });

/** A first appointment booked on 9 March for 11 March 10:00 UTC. */
export function appointment(changes: Partial<Appointment> = {}): Appointment {
  return {
    id: 'appointment-0001',
    referralId: 'referral-0001',
    at: '2026-03-11T10:00:00.000Z',
    location: 'Hub, Worcester',
    kind: 'first',
    status: 'booked',
    version: 1,
    createdAt: '2026-03-09T10:00:00.000Z',
    updatedAt: '2026-03-09T10:00:00.000Z',
    ...changes,
  };
}
