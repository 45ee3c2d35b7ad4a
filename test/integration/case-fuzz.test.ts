import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatePersonBody, UpdatePersonBody } from '../../shared/schemas/person.ts';
import {
  CloseBody,
  CreateAppointmentBody,
  CreateReferralBody,
  EngagementBody,
  OffenceBody,
  ReleaseBody,
  UpdateAppointmentBody,
} from '../../shared/schemas/referral.ts';
import type * as z from '../../shared/schemas/zod.ts';
import { daysAgo, demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** Values near the edge of every field type: wrong types, empty, huge, odd unicode, nesting. */
const oddValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '😀',
    'A1234BC',
    '9434765919',
    '2026-02-30',
    '1990-01-01',
    'E10000034',
    'x'.repeat(5000),
  ),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.letrec((tie) => ({
    deep: fc.oneof({ depthSize: 'small' }, fc.constant(1), fc.array(tie('deep'), { maxLength: 2 })),
  })).deep,
);

/** Bodies shaped like the schema's (its keys, plus strangers) with odd values, that it refuses. */
function invalidBodies(schema: z.ZodMiniType, keys: readonly string[]) {
  const shaped = fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), oddValue, {
    maxKeys: keys.length + 1,
  });
  // Judge the body as the server will see it: after a JSON round trip (undefined dropped, NaN null).
  return fc
    .oneof(shaped, fc.anything())
    .filter((body) => body !== undefined)
    .map((body) => JSON.parse(JSON.stringify(body)) as unknown)
    .filter((body) => !schema.safeParse(body).success);
}

describe('random bodies on create and update routes', () => {
  let stack: Stack;
  let token: string;
  let referralId: string;
  let appointmentId: string;
  let personId: string;

  const countItems = async () => {
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await stack.table.db.send(
        new ScanCommand({ TableName: stack.tableName, Select: 'COUNT', ExclusiveStartKey: startKey }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return count;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    const tokens = await demoTokens(stack);
    token = tokens.caseworker;
    const areas = await demoAreas(stack, tokens.chair);
    const made = await personWithReferral(stack, token, areas.worcs);
    personId = made.person.id;
    referralId = made.referral.id;
    await call(stack, 'POST', `/referrals/${referralId}/release`, {
      token,
      body: { releasedOn: daysAgo(1), releaseType: 'licence' },
    });
    const booked = await call(stack, 'POST', `/referrals/${referralId}/appointments`, {
      token,
      body: { at: new Date(Date.now() + 86_400_000).toISOString(), location: 'Hub', kind: 'first' },
    });
    appointmentId = booked.body.id;
  });
  afterAll(() => stack.stop());

  const targets = () =>
    [
      ['POST', '/people', CreatePersonBody, Object.keys(CreatePersonBody.shape)],
      [
        'PATCH',
        `/people/${personId}`,
        UpdatePersonBody,
        ['givenName', 'familyName', 'dateOfBirth', 'prisonNumber', 'nhsNumber', 'areaId', 'flags'],
      ],
      ['POST', `/people/${personId}/referrals`, CreateReferralBody, Object.keys(CreateReferralBody.shape)],
      ['POST', `/referrals/${referralId}/release`, ReleaseBody, Object.keys(ReleaseBody.shape)],
      [
        'POST',
        `/referrals/${referralId}/appointments`,
        CreateAppointmentBody,
        Object.keys(CreateAppointmentBody.shape),
      ],
      [
        'PATCH',
        `/referrals/${referralId}/appointments/${appointmentId}`,
        UpdateAppointmentBody,
        ['status', 'at'],
      ],
      ['POST', `/referrals/${referralId}/engagement`, EngagementBody, ['startedOn']],
      ['POST', `/referrals/${referralId}/close`, CloseBody, ['reason', 'closedOn']],
      ['POST', `/referrals/${referralId}/offences`, OffenceBody, ['offendedOn']],
    ] as const;

  it('answers only 400 and writes nothing', async () => {
    const before = await countItems();
    for (const [method, path, schema, keys] of targets()) {
      await fc.assert(
        fc.asyncProperty(invalidBodies(schema, keys), async (body) => {
          const answer = await call(stack, method, path, { token, body, headers: { 'if-match': '"1"' } });
          expect(answer.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 200)}`).toBe(400);
          expect(answer.body.error.code).toBe('validation_failed');
        }),
        { numRuns: 40 },
      );
    }
    expect(await countItems()).toBe(before);
  });

  it('answers raw junk with 400 malformed_json, 413 or 415, and writes nothing', async () => {
    const before = await countItems();
    const junk = fc.oneof(
      fc.string(),
      fc.constantFrom('{', '[1,', '{"a":}', '\u0000', 'null', '{"givenName": "\ud800"}'),
      fc.constant('['.repeat(5000) + ']'.repeat(5000)),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (text) => {
        const answer = await call(stack, 'POST', '/people', {
          token,
          rawBody: text,
          headers: { 'content-type': 'application/json' },
        });
        expect([400]).toContain(answer.status);
      }),
      { numRuns: 60 },
    );
    const wrongType = await call(stack, 'POST', '/people', {
      token,
      rawBody: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    const huge = await call(stack, 'POST', '/people', { token, body: { givenName: 'x'.repeat(100_000) } });
    expect(huge.status).toBe(413);
    expect(await countItems()).toBe(before);
  });
});
