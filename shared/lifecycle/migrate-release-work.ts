import type { Clock } from '../adapters/ports.ts';
import { listAreas } from '../data/areas-repo.ts';
import { keys } from '../data/keys.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { storedSummaryOf } from '../data/person-summary.ts';
import { prefixQuery, queryAll } from '../data/query-page.ts';
import { toRecord } from '../data/records.ts';
import { derivedAttributes, loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { putItem, type TransactItem, transactWrite, updateItem } from '../data/table-io.ts';
import { timelineItem } from '../data/timeline.ts';
import { caseReference } from '../domain/case-reference.ts';
import { nameKey } from '../domain/name-key.ts';
import { isPrisonPathway } from '../domain/referral-rules.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { Person } from '../schemas/person.ts';
import type { ReleasePlan } from '../schemas/release-plan.ts';

/** The person flags that belong to a release, and so move onto its plan (API.md "Release plan fields"). */
export const RELEASE_FLAGS = ['no_fixed_abode', 'on_ost_at_release', 'naloxone_issued'] as const;

/** The actor of what the migration writes, as timelines show it. */
const MIGRATION = { memberId: 'service', name: 'Continuity (data migration)' };

export interface MigrationResult {
  people: number;
  flagsMoved: number;
  plansWritten: number;
  referrals: number;
}

/**
 * The plan a person's release flags give a case, kept under what staff recorded: a fact the plan
 * already knows is left as it is.
 */
export function planWithFlags(
  plan: ReleasePlan | undefined,
  flags: readonly string[],
  now: Date,
): ReleasePlan | undefined {
  const fromFlags: Partial<ReleasePlan> = {
    ...(flags.includes('no_fixed_abode') ? { accommodation: 'no_fixed_abode' as const } : {}),
    ...(flags.includes('on_ost_at_release') ? { onOstAtRelease: true } : {}),
    ...(flags.includes('naloxone_issued') ? { naloxoneIssued: true } : {}),
  };
  if (Object.keys(fromFlags).length === 0) return plan;
  const base: ReleasePlan = plan ?? {
    accommodation: 'not_known',
    onOstAtRelease: null,
    bridgingPrescription: null,
    naloxoneIssued: null,
    gpRegistered: null,
    housingReferralMade: null,
    metAtGate: null,
    probationPractitioner: null,
    version: 0,
    updatedAt: now.toISOString(),
    updatedBy: MIGRATION,
  };
  const merged: ReleasePlan = {
    ...base,
    accommodation:
      base.accommodation === 'not_known' ? (fromFlags.accommodation ?? 'not_known') : base.accommodation,
    onOstAtRelease: base.onOstAtRelease ?? fromFlags.onOstAtRelease ?? null,
    naloxoneIssued: base.naloxoneIssued ?? fromFlags.naloxoneIssued ?? null,
  };
  const changed =
    merged.accommodation !== base.accommodation ||
    merged.onOstAtRelease !== base.onOstAtRelease ||
    merged.naloxoneIssued !== base.naloxoneIssued ||
    !plan;
  return changed
    ? { ...merged, version: base.version + 1, updatedAt: now.toISOString(), updatedBy: MIGRATION }
    : plan;
}

/**
 * Moves one person's release flags onto the plans of their open prison-pathway cases, and takes
 * them off the person, in one transaction per person (conditional on the versions read).
 */
async function moveFlags(
  table: Table,
  tenantId: string,
  person: Person,
  settings: PartnershipSettings,
  now: Date,
) {
  const flags = person.flags.filter((flag) => (RELEASE_FLAGS as readonly string[]).includes(flag));
  if (flags.length === 0) return 0;
  const writes: TransactItem[] = [];
  let plans = 0;
  for (const referralId of person.referralIds) {
    const current = await loadCase(table, tenantId, referralId).catch(() => undefined);
    if (!current) continue;
    const { referral } = current;
    if (!isPrisonPathway(referral.pathway) || referral.status === 'closed') continue;
    const plan = planWithFlags(referral.releasePlan, flags, now);
    if (!plan || plan === referral.releasePlan) continue;
    const after = { ...referral, releasePlan: plan };
    const derived = derivedAttributes(tenantId, after, current.appointments, settings, current.alerts, now);
    writes.push(
      updateItem(
        keys.referral(tenantId, referral.id),
        { set: { releasePlan: plan, ...derived } },
        {
          ConditionExpression: '#version = :seen',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':seen': referral.version },
        },
      ),
      putItem(
        timelineItem(
          tenantId,
          referral.id,
          'release_planned',
          `Release plan: ${flags.map((flag) => flag.replaceAll('_', ' ')).join(', ')} moved here from the person's record`,
          MIGRATION,
          now,
          { version: plan.version, flags },
        ),
      ),
    );
    plans += 1;
  }
  writes.push(
    updateItem(
      keys.person(tenantId, person.id),
      {
        set: {
          flags: person.flags.filter((flag) => !(flags as string[]).includes(flag)),
        },
      },
      {
        ConditionExpression: '#version = :seen',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':seen': person.version },
      },
    ),
  );
  await transactWrite(table, writes);
  return plans;
}

/**
 * The release work's migration of one partnership, safe to run again: moves the release flags
 * (OST, naloxone, no fixed abode) from each person onto the release plans of their open
 * prison-pathway cases; gives every person their given-name search keys; and gives every case
 * what the release work reads (its derived attributes recomputed for the new caseload order,
 * worklist and expected-release keys, its reference lookup, and its copy of its person's name
 * and substance group).
 */
export async function migrateReleaseWork(
  deps: { table: Table; clock: Clock },
  tenantId: string,
): Promise<MigrationResult> {
  const { table } = deps;
  const now = deps.clock();
  const result: MigrationResult = { people: 0, flagsMoved: 0, plansWritten: 0, referrals: 0 };
  const settings = (await getPartnership(table, tenantId)).settings;
  const people = (await queryAll(table, prefixQuery(keys.partnership(tenantId).PK, 'PERSON#'))).map((item) =>
    toRecord<Person>(item),
  );
  const substance = new Map<string, string>();
  const owners = new Map<string, Person>();
  for (const person of people) {
    result.people += 1;
    for (const referralId of person.referralIds) {
      substance.set(referralId, person.substanceGroup);
      owners.set(referralId, person);
    }
    const plans = await moveFlags(table, tenantId, person, settings, now);
    if (plans || person.flags.some((flag) => (RELEASE_FLAGS as readonly string[]).includes(flag))) {
      result.flagsMoved += 1;
      result.plansWritten += plans;
    }
    await transactWrite(table, [
      updateItem(
        keys.person(tenantId, person.id),
        {
          set: keys.personByGivenName(
            tenantId,
            person.areaId,
            nameKey(person.givenName) || '-',
            nameKey(person.familyName) || '-',
            person.id,
          ),
        },
        { ConditionExpression: 'attribute_exists(PK)' },
      ),
    ]);
  }
  const areas = (await listAreas(table, tenantId, { limit: 1000 })).items;
  for (const area of areas) {
    for (const open of [true, false]) {
      const listed = await queryAll(table, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.caseloadPartition(tenantId, area.id, open) },
        ProjectionExpression: 'id',
      });
      for (const { id } of listed) {
        const current = await loadCase(table, tenantId, String(id)).catch(() => undefined);
        if (!current) continue;
        const { referral } = current;
        // Open alerts raised before escalation existed start its clock now, not when raised.
        const alerts = current.alerts.map((alert) =>
          alert.status === 'open' && !alert.slot && !alert.escalateFrom
            ? { ...alert, escalateFrom: now.toISOString() }
            : alert,
        );
        const substanceGroup = referral.substanceGroup ?? substance.get(referral.id);
        const owner = owners.get(referral.id);
        const derived = derivedAttributes(
          tenantId,
          { ...referral, substanceGroup },
          current.appointments,
          settings,
          alerts,
          now,
        );
        const escalating = alerts.filter((alert, index) => alert !== current.alerts[index]);
        await transactWrite(table, [
          ...escalating.map((alert) =>
            updateItem(
              keys.alert(tenantId, referral.id, alert.rule),
              { set: { escalateFrom: alert.escalateFrom } },
              { ConditionExpression: 'attribute_exists(PK)' },
            ),
          ),
          updateItem(
            keys.referral(tenantId, referral.id),
            {
              set: {
                ...derived,
                ...(substanceGroup ? { substanceGroup } : {}),
                ...(owner ? { personSummary: storedSummaryOf(owner) } : {}),
              },
            },
            {
              ConditionExpression: '#version = :seen',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':seen': referral.version },
            },
          ),
          putItem({
            ...keys.caseReference(tenantId, caseReference(referral.id), referral.id),
            type: 'caseReference',
            referralId: referral.id,
            personId: referral.personId,
          }),
        ]);
        result.referrals += 1;
      }
    }
  }
  return result;
}

/** Every partnership of the table, for the migration to run over. */
export async function partnershipIds(table: Table): Promise<string[]> {
  const items = await queryAll(table, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.partnershipsPartition },
    ProjectionExpression: 'PK',
  });
  return items.map((item) => String(item.PK).slice(2));
}
