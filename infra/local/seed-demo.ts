import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createArea } from '../../shared/data/areas-repo.ts';
import { createCustodySuite } from '../../shared/data/custody-suites-repo.ts';
import { createMember } from '../../shared/data/members-repo.ts';
import {
  findPartnership,
  newPartnershipItem,
  partnershipNameLockItem,
} from '../../shared/data/partnerships-repo.ts';
import type { Table } from '../../shared/data/table.ts';
import {
  DEMO_AREAS,
  DEMO_CUSTODY_SUITES,
  DEMO_MEMBERS,
  DEMO_PARTNERSHIP,
  DEMO_PROGRAMMES,
  OPERATOR_EMAIL,
} from './demo-data.ts';
import { LocalUserStore } from './local-users.ts';

/** Makes sure the local provider knows the operator (API.md: it always knows one). */
export async function ensureOperator(users: LocalUserStore): Promise<void> {
  if (await users.byEmail(OPERATOR_EMAIL)) return;
  await users.add({ email: OPERATOR_EMAIL, name: 'Service operator', groups: ['operators'] });
}

/** The demo partnership runs every programme the service names. */
const withProgrammes = (item: Record<string, unknown>) => ({
  ...item,
  settings: { ...(item.settings as Record<string, unknown>), programmes: [...DEMO_PROGRAMMES] },
});

/** Seeds the demo partnership once; later starts find it and leave it (and any changes) alone. */
export async function seedDemo(table: Table, now: Date): Promise<'seeded' | 'existing'> {
  if (await findPartnership(table, DEMO_PARTNERSHIP.id)) return 'existing';
  const users = new LocalUserStore(table);
  const areaIds = new Map<string, string>();
  for (const [index, area] of DEMO_AREAS.entries()) {
    // A millisecond apart: ids sort by time, so the areas always list in this order.
    const created = await createArea(
      table,
      DEMO_PARTNERSHIP.id,
      { name: area.name, onsCode: area.onsCode, alertEmails: [...area.alertEmails] },
      new Date(now.getTime() + index),
    );
    areaIds.set(area.key, created.id);
  }
  for (const member of DEMO_MEMBERS) {
    const user =
      (await users.byEmail(member.email)) ??
      (await users.add({
        email: member.email,
        name: member.name,
        tenantId: DEMO_PARTNERSHIP.id,
        groups: [],
      }));
    await createMember(
      table,
      DEMO_PARTNERSHIP.id,
      {
        id: user.sub,
        email: member.email,
        name: member.name,
        role: member.role,
        areaIds: member.areas.map((key) => areaIds.get(key) as string),
      },
      now,
    );
  }
  // The custody suites the demo's arrest referral and drug testing work in (West Mercia Police's,
  // from the public register).
  for (const [index, suite] of DEMO_CUSTODY_SUITES.entries()) {
    await createCustodySuite(
      table,
      DEMO_PARTNERSHIP.id,
      { name: suite.name, policeForce: suite.policeForce, areaIds: [areaIds.get(suite.area) as string] },
      new Date(now.getTime() + index),
    );
  }
  // Its name is held like any partnership's (a plain put: seeding again holds it again).
  await table.db.send(
    new PutCommand({
      TableName: table.name,
      Item: partnershipNameLockItem(DEMO_PARTNERSHIP.id, DEMO_PARTNERSHIP.name),
    }),
  );
  // The partnership goes last: its presence is the mark that the seed finished.
  await table.db.send(
    new PutCommand({
      TableName: table.name,
      Item: withProgrammes(newPartnershipItem(DEMO_PARTNERSHIP.id, DEMO_PARTNERSHIP.name, now)),
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  return 'seeded';
}
