import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../infra/local/demo-data.ts';
import { keys } from '../../shared/data/keys.ts';
import { caseReference } from '../../shared/domain/case-reference.ts';
import { addDays, dateOf } from '../../shared/domain/dates.ts';
import { migrateProgrammes } from '../../shared/lifecycle/migrate-programmes.ts';
import { migrateReleaseWork } from '../../shared/lifecycle/migrate-release-work.ts';
import { demoAreas } from './case-fixtures.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const TENANT = DEMO_PARTNERSHIP.id;
const PERSON = '01jmigrationperson00000001';
const OPEN = '01jmigrationreferral000001';
const CLOSED = '01jmigrationreferral000002';

/**
 * The release work's data migration (shared/lifecycle/migrate-release-work.ts), on a table seeded
 * in the shape the service wrote before it: a person holding the release flags, a released case
 * and a closed one keyed for the old caseload order, no reference lookups, no worklist keys.
 */
describe('the release work data migration', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areaId: string;
  const today = dateOf(new Date());
  const releasedOn = addDays(today, -2);

  const put = (item: Record<string, unknown>) =>
    stack.table.db.send(new PutCommand({ TableName: stack.tableName, Item: item }));
  const get = async (key: { PK: string; SK: string }) =>
    (await stack.table.db.send(new GetCommand({ TableName: stack.tableName, Key: key }))).Item;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areaId = (await demoAreas(stack, tokens.chair)).worcs;
    const at = `${addDays(today, -30)}T10:00:00.000Z`;
    // Prepare: the items as the previous version stored them.
    await put({
      ...keys.person(TENANT, PERSON),
      ...keys.personByName(TENANT, areaId, 'ashworth', 'lee', PERSON),
      givenKey: 'lee',
      type: 'person',
      id: PERSON,
      givenName: 'Lee',
      familyName: 'Ashworth',
      dateOfBirth: '1984-06-01',
      sex: 'male',
      areaId,
      substanceGroup: 'opiate',
      flags: ['no_fixed_abode', 'on_ost_at_release', 'veteran'],
      referralIds: [OPEN, CLOSED],
      version: 3,
      createdAt: at,
      updatedAt: at,
    });
    const referral = (id: string, extra: Record<string, unknown>) => ({
      ...keys.referral(TENANT, id),
      type: 'referral',
      id,
      personId: PERSON,
      pathway: 'continuity_of_care',
      areaId,
      source: 'HMP Hewell',
      referredOn: addDays(today, -30),
      offences: [],
      version: 2,
      createdAt: at,
      updatedAt: at,
      ...extra,
    });
    await put(
      referral(OPEN, {
        status: 'released',
        releasedOn,
        releaseType: 'licence',
        // The old caseload key: the key date and the id.
        GSI1PK: keys.caseloadPartition(TENANT, areaId, true),
        GSI1SK: `${releasedOn}#${OPEN}`,
        ...keys.releaseCohort(TENANT, releasedOn.slice(0, 7), areaId, OPEN),
      }),
    );
    // An open alert raised three days ago, before alerts had slots or escalated.
    await put({
      ...keys.alert(TENANT, OPEN, 'no_first_appointment'),
      ...keys.alertsOfArea(
        TENANT,
        areaId,
        `${addDays(today, -3)}T10:00:00.000Z`,
        `${OPEN}-no_first_appointment`,
      ),
      type: 'alert',
      id: `${OPEN}-no_first_appointment`,
      rule: 'no_first_appointment',
      referralId: OPEN,
      areaId,
      status: 'open',
      dueAt: `${addDays(today, -3)}T09:00:00.000Z`,
      raisedAt: `${addDays(today, -3)}T10:00:00.000Z`,
      version: 1,
      createdAt: `${addDays(today, -3)}T10:00:00.000Z`,
      updatedAt: `${addDays(today, -3)}T10:00:00.000Z`,
    });
    await put(
      referral(CLOSED, {
        status: 'closed',
        releasedOn: addDays(today, -25),
        closedOn: addDays(today, -20),
        closeReason: 'moved_away',
        GSI1PK: keys.caseloadPartition(TENANT, areaId, false),
        GSI1SK: `${addDays(today, -25)}#${CLOSED}`,
      }),
    );
  });
  afterAll(() => stack.stop());

  it('moves the release flags onto the open case’s plan, and gives every case what the release work reads', async () => {
    // Act
    const result = await migrateReleaseWork({ table: stack.table, clock: () => new Date() }, TENANT);

    // Assess: the person keeps only lasting facts, and can be found by given name.
    expect(result).toMatchObject({ flagsMoved: 1, plansWritten: 1 });
    const person = await get(keys.person(TENANT, PERSON));
    expect(person?.flags).toEqual(['veteran']);
    expect(person?.GSI2PK).toBe(keys.peopleOfAreaByGivenName(TENANT, areaId));
    // The open case has the plan; the closed one does not.
    const open = await get(keys.referral(TENANT, OPEN));
    expect(open?.releasePlan).toMatchObject({
      accommodation: 'no_fixed_abode',
      onOstAtRelease: true,
      naloxoneIssued: null,
      version: 1,
    });
    expect(open?.substanceGroup).toBe('opiate');
    expect(open?.GSI1SK).toMatch(/^A\d{4}-/);
    expect(open?.workPK).toBe(keys.workPartition(TENANT, areaId));
    expect((await get(keys.referral(TENANT, CLOSED)))?.releasePlan).toBeUndefined();
    expect(await get(keys.caseReference(TENANT, caseReference(OPEN), OPEN))).toMatchObject({
      referralId: OPEN,
    });

    // The API sees it: on the worklist with its risk, found by reference and by given name.
    const worklist = await call(stack, 'GET', '/worklist?limit=200', { token: tokens.caseworker });
    const item = worklist.body.items.find((one: { referralId: string }) => one.referralId === OPEN);
    expect(item?.riskFlags).toEqual(
      expect.arrayContaining(['no_fixed_abode', 'first_days', 'no_first_appointment']),
    );
    const byReference = await call(stack, 'GET', `/people?q=${caseReference(OPEN)}`, {
      token: tokens.caseworker,
    });
    expect(byReference.body.items.map((one: { id: string }) => one.id)).toEqual([PERSON]);
    const byGiven = await call(stack, 'GET', '/people?q=lee', { token: tokens.caseworker });
    expect(byGiven.body.items.map((one: { id: string }) => one.id)).toContain(PERSON);
    const timeline = await call(stack, 'GET', `/referrals/${OPEN}/timeline?limit=200`, {
      token: tokens.caseworker,
    });
    expect(timeline.body.items.map((event: { kind: string }) => event.kind)).toContain('release_planned');
  });

  it('starts the escalation clock of an older open alert at the migration, so an upgrade sends no burst', async () => {
    // Act: a sweep straight after the migration, and one a day later.
    const now = await stack.sweep();
    const escalations = async () =>
      (await call(stack, 'GET', `/referrals/${OPEN}`, { token: tokens.caseworker })).body.alerts.filter(
        (alert: { rule: string }) => alert.rule === 'alert_unacknowledged',
      );
    // Assess
    expect(now.raised).toBe(0);
    expect(await escalations()).toEqual([]);
    stack.clock.set(new Date(Date.now() + 25 * 3_600_000));
    await stack.sweep();
    expect(
      (await escalations()).map((alert: { escalates: { rule: string } }) => alert.escalates.rule),
    ).toEqual(['no_first_appointment']);
  });

  it('changes nothing when it runs again', async () => {
    // Prepare
    const before = await get(keys.referral(TENANT, OPEN));

    // Act
    const again = await migrateReleaseWork({ table: stack.table, clock: () => new Date() }, TENANT);

    // Assess
    expect(again).toMatchObject({ flagsMoved: 0, plansWritten: 0 });
    const after = await get(keys.referral(TENANT, OPEN));
    expect(after?.releasePlan).toEqual(before?.releasePlan);
    expect(after?.version).toBe(before?.version);
  });

  it('gives a partnership stored before programmes were chosen the three the web app offered, once', async () => {
    // Prepare: the partnership's settings as the previous version stored them.
    const stored = await get(keys.partnership(TENANT));
    const { programmes: _chosen, ...settings } = (stored?.settings ?? {}) as Record<string, unknown>;
    await put({ ...stored, settings });

    // Act
    const first = await migrateProgrammes(stack.table, TENANT, new Date());
    await stack.table.db.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: keys.partnership(TENANT),
        UpdateExpression: 'SET settings.programmes = :chosen',
        ExpressionAttributeValues: { ':chosen': ['reconnect'] },
      }),
    );
    const again = await migrateProgrammes(stack.table, TENANT, new Date());

    // Assess: chosen once, and the chair's later choice is kept.
    expect(first).toBe(true);
    expect(again).toBe(false);
    expect((await get(keys.partnership(TENANT)))?.settings?.programmes).toEqual(['reconnect']);
  });
});
