import { keys } from '../shared/data/keys.ts';
import { newItem, toRecord } from '../shared/data/records.ts';
import {
  derivedAttributes,
  type NewReferralFields,
  newReferralItem,
  toReferral,
} from '../shared/data/referrals-repo.ts';
import { nameKey } from '../shared/domain/name-key.ts';
import { ALERT_RULES, SEXES, SUBSTANCE_GROUPS } from '../shared/domain/values.ts';
import type { PartnershipSettings } from '../shared/schemas/partnership.ts';
import type { Appointment } from '../shared/schemas/referral.ts';

/** What a seeded referral is: the fields a referral record has, less its metadata. */
export type ReferralFields = NewReferralFields;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * A synthetic person as `POST /people` stores one (name index included), owning the given
 * referrals. No prison number: seeded people need no number locks and can never clash.
 */
export function personItem(
  tenantId: string,
  personId: string,
  areaId: string,
  index: number,
  referralIds: readonly string[],
  now: Date,
): Record<string, unknown> {
  const givenName = 'Bench';
  const familyName = `Seeded ${index}`;
  return {
    ...newItem(
      keys.person(tenantId, personId),
      'person',
      {
        id: personId,
        givenName,
        familyName,
        dateOfBirth: `${1960 + (index % 40)}-${pad(1 + (index % 12))}-${pad(1 + (index % 28))}`,
        sex: SEXES[index % SEXES.length],
        areaId,
        substanceGroup: SUBSTANCE_GROUPS[index % SUBSTANCE_GROUPS.length],
        flags: [],
        referralIds: [...referralIds],
      },
      now,
    ),
    ...keys.personByName(tenantId, areaId, nameKey(familyName), nameKey(givenName), personId),
    givenKey: nameKey(givenName),
  };
}

/**
 * A referral item as the service stores it, derived attributes (caseload, cohort, next due
 * check) included. `appointments` are the case's appointments the due check must see.
 * `alertsSettled` stores it as if every alert rule had been raised already (a case long past
 * its windows whose alerts were dealt with): it then has no due check, so the sweep never
 * picks it up.
 */
export function referralItem(
  tenantId: string,
  fields: ReferralFields,
  settings: PartnershipSettings,
  now: Date,
  options: { appointments?: readonly Appointment[]; alertsSettled?: boolean } = {},
): Record<string, unknown> {
  const item = newReferralItem(tenantId, fields, settings, now);
  if (!options.appointments?.length && !options.alertsSettled) return item;
  // Settled: every rule raised once and resolved by staff, so none is due and none escalates.
  const settled = (options.alertsSettled ? ALERT_RULES : []).map((rule) => ({
    rule,
    slot: rule,
    status: 'resolved' as const,
    raisedAt: now.toISOString(),
    resolvedBy: { memberId: 'bench-staff' },
  }));
  const derived = derivedAttributes(
    tenantId,
    toReferral({ ...item }),
    options.appointments ?? [],
    settings,
    settled,
    now,
  );
  for (const [name, value] of Object.entries(derived)) {
    if (value === null) delete item[name];
    else item[name] = value;
  }
  return item;
}

/** An appointment record and its item, as `POST /referrals/{id}/appointments` writes them. */
export function appointmentOf(
  tenantId: string,
  fields: Pick<Appointment, 'id' | 'referralId' | 'at' | 'kind' | 'location'>,
  now: Date,
): { appointment: Appointment; item: Record<string, unknown> } {
  const item = newItem(
    keys.appointment(tenantId, fields.referralId, fields.id),
    'appointment',
    { ...fields, status: 'booked' },
    now,
  );
  return { appointment: toRecord<Appointment>(item), item };
}
