import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { freePort } from '../../infra/local/free-port.ts';
import { type LocalStack, REPO_ROOT, startLocalStack } from '../../infra/local/stack.ts';
import { addDays, dateOf } from '../../shared/domain/dates.ts';
import { demoAreas, nextPrisonNumber, personBody, personWithReferral } from './case-fixtures.ts';
import { call, DEMO, demoTokens, startTestStack } from './harness.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'continuity-fault-'));

async function scanAll(stack: LocalStack) {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await stack.table.db.send(
      new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

describe('DynamoDB stopped mid-request', () => {
  const dataDir = temp();
  let dynamo: DynamoDbLocal;
  let stack: LocalStack;
  afterAll(async () => {
    await stack?.stop();
    await dynamo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with no partial write, and recovers when DynamoDB returns', async () => {
    const port = await freePort();
    dynamo = await startDynamoDbLocal({ dataDir, port });
    stack = await startLocalStack({
      port: 0,
      dynamoEndpoint: dynamo.endpoint,
      tableName: `fault-${randomUUID()}`,
      seedDemo: true,
      throttle: false,
    });
    const caseworker = await stack.token(DEMO['caseworker.worcs']);
    const areas = await demoAreas(stack, await stack.token(DEMO.chair));

    const statuses: number[] = [];
    const acknowledged: string[] = [];
    let stopping: Promise<void> | undefined;
    const writes = Array.from({ length: 40 }, async (_, n) => {
      await new Promise((resolve) => setTimeout(resolve, n * 15));
      if (n === 15) stopping = dynamo.stop();
      const answer = await call(stack, 'POST', '/people', {
        token: caseworker,
        body: personBody(areas.worcs),
      });
      statuses.push(answer.status);
      if (answer.status === 201) acknowledged.push(answer.body.id);
    });
    await Promise.all(writes);
    await stopping;
    expect(statuses.every((status) => status === 201 || status === 503)).toBe(true);
    expect(statuses).toContain(503);

    dynamo = await startDynamoDbLocal({ dataDir, port });
    const after = await call(stack, 'POST', '/people', { token: caseworker, body: personBody(areas.worcs) });
    expect(after.status).toBe(201);
    for (const id of acknowledged)
      expect((await call(stack, 'GET', `/people/${id}`, { token: caseworker })).status).toBe(200);
    // Every person has its prison-number claim and create audit, and every claim its person.
    const items = await scanAll(stack);
    const people = items.filter((item) => item.type === 'person');
    const locks = items.filter((item) => item.type === 'prisonNumber');
    for (const person of people) {
      expect(locks.some((lock) => lock.personId === person.id)).toBe(true);
      expect(
        items.some(
          (item) => item.type === 'audit' && item.personId === person.id && item.action === 'create',
        ),
      ).toBe(true);
    }
    for (const lock of locks) expect(people.some((person) => person.id === lock.personId)).toBe(true);
  }, 120_000);
});

describe('the local stack killed during a stream of writes', () => {
  const dataDir = temp();
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    // The database server outlives a killed stack by design: stop it here.
    const server = join(dataDir, 'dynamodb', 'server.json');
    if (existsSync(server)) {
      try {
        process.kill((JSON.parse(readFileSync(server, 'utf8')) as { pid: number }).pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (port: number) => {
    const started = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), CONTINUITY_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!output.includes('Press Ctrl-C')) {
      if (started.exitCode !== null || Date.now() > deadline)
        throw new Error(`the stack did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return started;
  };

  it('loses no acknowledged write', async () => {
    const port = await freePort();
    const base = `http://localhost:${port}/api`;
    child = await start(port);
    const token = async () =>
      (
        (await (
          await fetch(`${base}/_local/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: DEMO['caseworker.worcs'] }),
          })
        ).json()) as { access_token: string }
      ).access_token;
    const bearer = await token();
    const me = (await (
      await fetch(`${base}/me`, { headers: { authorization: `Bearer ${bearer}` } })
    ).json()) as { areaIds: string[] };
    const acknowledged: string[] = [];
    let killed = false;
    const stream = (async () => {
      while (!killed) {
        try {
          const response = await fetch(`${base}/people`, {
            method: 'POST',
            headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
            body: JSON.stringify(personBody(me.areaIds[0] as string)),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        } catch {
          // The connection died with the stack.
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    process.kill(-(child.pid as number), 'SIGKILL');
    killed = true;
    await stream;
    expect(acknowledged.length).toBeGreaterThan(5);

    child = await start(port);
    const fresh = await token();
    for (const id of acknowledged) {
      const response = await fetch(`${base}/people/${id}`, { headers: { authorization: `Bearer ${fresh}` } });
      expect(response.status, `person ${id}`).toBe(200);
    }
    process.kill(-(child.pid as number), 'SIGINT');
    await new Promise((resolve) => child?.once('exit', resolve));
  }, 180_000);
});

describe('a sweep killed half way', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  afterAll(() => stack?.stop());

  it('is finished by the next run, with no alert or email twice', async () => {
    stack = await startTestStack();
    const tokens = await demoTokens(stack);
    const areas = await demoAreas(stack, tokens.chair);
    const today = dateOf(new Date());
    const ids: string[] = [];
    for (let n = 0; n < 24; n++) {
      const { referral } = await personWithReferral(
        stack,
        tokens.caseworker,
        areas.worcs,
        {},
        { prisonNumber: nextPrisonNumber() },
      );
      await call(stack, 'POST', `/referrals/${referral.id}/release`, {
        token: tokens.caseworker,
        body: { releasedOn: today, releaseType: 'licence' },
      });
      ids.push(referral.id);
    }
    const due = new Date(`${addDays(today, 1)}T12:00:00Z`);
    const sweeper = spawn(process.execPath, ['--import', 'tsx', 'test/integration/fixtures/sweep-child.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        TABLE_NAME: stack.tableName,
        DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
        AUTH_ISSUER: `${stack.url}/oidc`,
        AUTH_AUDIENCE: 'continuity-web',
        AUTH_JWKS_URI: `${stack.url}/oidc/jwks`,
        IDENTITY_PROVIDER: 'local',
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: 'smtp://127.0.0.1:9',
        APP_URL: stack.url,
        CURSOR_SECRET: 'x'.repeat(32),
        EVENTS_TRANSPORT: 'local',
        SWEEP_NOW: due.toISOString(),
        LOG_LEVEL: 'ERROR',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    sweeper.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    while (!output.includes('started')) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 400));
    sweeper.kill('SIGKILL');
    await new Promise((resolve) => sweeper.once('exit', resolve));
    expect(output).not.toContain('finished');

    stack.clock.set(due);
    await stack.sweep();
    await stack.sweep();
    for (const id of ids) {
      const alerts = (await call(stack, 'GET', `/referrals/${id}`, { token: tokens.caseworker })).body.alerts;
      expect(alerts.map((alert: { rule: string }) => alert.rule)).toEqual(['no_first_appointment']);
      expect(stack.mail.list().filter((mail) => mail.text.includes(`/referrals/${id}`))).toHaveLength(1);
    }
  }, 120_000);
});
