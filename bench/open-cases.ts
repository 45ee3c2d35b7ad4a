import { newId } from '../shared/data/ids.ts';
import type { Key } from '../shared/data/keys.ts';
import { storedSummaryOf } from '../shared/data/person-summary.ts';
import { toRecord } from '../shared/data/records.ts';
import { addDays, dateOf } from '../shared/domain/dates.ts';
import { SUBSTANCE_GROUPS } from '../shared/domain/values.ts';
import type { Person } from '../shared/schemas/person.ts';
import type { Appointment } from '../shared/schemas/referral.ts';
import type { ReleasePlan } from '../shared/schemas/release-plan.ts';
import type { BenchTenant } from './bench-tenant.ts';
import { appointmentOf, personItem, type ReferralFields, referralItem } from './case-items.ts';

/**
 * What an open continuity-of-care case of the list benchmarks is. `awaiting`: referred, release
 * expected `days` ahead. `released`: released `days` ago, not yet engaged. `engaged`: released
 * `days` ago and in treatment since.
 */
export type OpenCaseKind =
  | { kind: 'awaiting'; days: number }
  | { kind: 'released'; days: number; firstAppointment: boolean }
  | { kind: 'engaged'; days: number };

/** Who holds a seeded case: a member (by id and name) or nobody. */
export type Holder = { memberId: string; name: string } | undefined;

/** A seeded case: its ids and the items that make it (person, referral, appointment). */
export interface OpenCase {
  referralId: string;
  personId: string;
  items: Record<string, unknown>[];
}

/** A release plan as `PUT /referrals/{id}/release-plan` stores it, varied by `index`. */
function releasePlanOf(index: number, now: Date): ReleasePlan {
  return {
    accommodation:
      (['settled', 'temporary', 'no_fixed_abode', 'approved_premises'] as const)[index % 4] ?? 'settled',
    onOstAtRelease: index % 5 !== 0,
    bridgingPrescription: index % 2 === 0,
    naloxoneIssued: index % 7 !== 0,
    gpRegistered: index % 3 === 0 ? null : true,
    housingReferralMade: index % 4 === 2,
    metAtGate: null,
    probationPractitioner: null,
    version: 1,
    updatedAt: now.toISOString(),
    updatedBy: { memberId: 'bench-staff', name: 'Bench staff' },
  };
}

/**
 * One open case of `areaId` with its person, stored as the service stores them (`referralItem`,
 * so the caseload, WorkIndex and due keys are the service's own): a released case with a first
 * appointment gets one, booked 1 to 5 days after release (so some are past and not yet marked
 * attended, as on a real caseload); two cases in three have a release plan.
 */
export function openCase(
  tenant: BenchTenant,
  areaId: string,
  index: number,
  shape: OpenCaseKind,
  holder: Holder,
  now: Date,
): OpenCase {
  const today = dateOf(now);
  const personId = newId(now);
  const referralId = newId(now);
  const base: ReferralFields = {
    id: referralId,
    personId,
    pathway: 'continuity_of_care',
    areaId,
    source: 'HMP Hewell',
    referredOn: addDays(
      today,
      -(shape.kind === 'awaiting' ? 10 + (index % 30) : shape.days + 20 + (index % 30)),
    ),
    status: 'referred',
    offences: [],
    // As the person's (personItem's), copied onto the case as opening it does.
    substanceGroup: SUBSTANCE_GROUPS[index % SUBSTANCE_GROUPS.length],
    ...(holder ? { assignedTo: holder.memberId, assignedToName: holder.name } : {}),
    ...(index % 3 !== 2 ? { releasePlan: releasePlanOf(index, now) } : {}),
  };
  const releasedOn = addDays(today, -shape.days);
  const released = {
    status: 'released' as const,
    releasedOn,
    releaseType: 'licence' as const,
    establishment: ['HEI', 'LWI', 'PBI', 'WRI'][index % 4] as string,
  };
  const items: Record<string, unknown>[] = [];
  const appointments: Appointment[] = [];
  let fields: ReferralFields;
  if (shape.kind === 'awaiting') {
    fields = { ...base, expectedReleaseOn: addDays(today, shape.days) };
  } else if (shape.kind === 'engaged') {
    const engagedOn = addDays(releasedOn, Math.min(shape.days, 3 + (index % 18)));
    fields = {
      ...base,
      ...released,
      status: 'engaged',
      engagedOn,
      firstAppointmentAt: `${addDays(releasedOn, 1 + (index % 3))}T10:00:00.000Z`,
    };
  } else {
    fields = { ...base, ...released };
    if (shape.firstAppointment) {
      const at = `${addDays(releasedOn, 1 + (index % 5))}T10:00:00.000Z`;
      const booked = appointmentOf(
        tenant.tenantId,
        {
          id: newId(now),
          referralId,
          at,
          kind: 'first',
          location: 'Worcester Community Drug and Alcohol Service',
        },
        now,
      );
      appointments.push(booked.appointment);
      items.push(booked.item);
      fields = { ...fields, firstAppointmentAt: at };
    }
  }
  const person = personItem(tenant.tenantId, personId, areaId, index, [referralId], now);
  items.unshift(person, {
    ...referralItem(tenant.tenantId, fields, tenant.settings, now, { appointments }),
    // The referral's copy of its person, as the service writes it (shared/data/person-summary.ts).
    personSummary: storedSummaryOf(toRecord<Person>(person)),
  });
  return { referralId, personId, items };
}

/** The table keys of seeded items, to delete them once measured. */
export const keysOf = (cases: readonly OpenCase[]): Key[] =>
  cases.flatMap((one) => one.items.map((item) => ({ PK: String(item.PK), SK: String(item.SK) })));
