import { mapBounded } from '../shared/concurrency/pool.ts';
import { addDays, dateOf } from '../shared/domain/dates.ts';
import { PERSON_FLAGS, SEXES, SUBSTANCE_GROUPS } from '../shared/domain/values.ts';
import { callApi, expectStatus } from './api-client.ts';

/** The signed-in caseworker the benchmarks act as, and what the data layer needs to act for them. */
export interface Caseworker {
  token: string;
  tenantId: string;
  memberId: string;
  name: string;
  role: string;
  areaId: string;
}

/** A released person's case with its first appointment, as the API created it. */
export interface SeededCase {
  personId: string;
  referralId: string;
  appointmentId: string;
  appointmentVersion: number;
}

const DAY_MS = 86_400_000;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** An instant as ISO 8601 with an explicit offset, as the API asks for. */
export const withOffset = (at: Date): string => at.toISOString().replace('Z', '+00:00');

/** Who `GET /api/me` says the token's holder is; the first of their areas is where cases go. */
export async function caseworkerOf(apiUrl: string, token: string): Promise<Caseworker> {
  const me = expectStatus(await callApi(apiUrl, token, 'GET', '/me'), 200, 'GET /me').body as {
    memberId?: string;
    name?: string;
    role: string;
    areaIds: string[];
    partnership?: { id: string };
  };
  const areaId = me.areaIds[0];
  if (!me.memberId || !me.partnership || !areaId) throw new Error('the benchmark user is not an area member');
  return {
    token,
    tenantId: me.partnership.id,
    memberId: me.memberId,
    name: me.name ?? '',
    role: me.role,
    areaId,
  };
}

/**
 * Creates one case through the API: a person (synthetic, with a unique prison number), a
 * continuity-of-care referral, its release and a first appointment a few days ago.
 */
async function seedCase(apiUrl: string, worker: Caseworker, index: number, now: Date): Promise<SeededCase> {
  const call = (method: string, path: string, body: unknown) =>
    callApi(apiUrl, worker.token, method, path, body);
  const today = dateOf(now);
  const person = expectStatus(
    await call('POST', '/people', {
      givenName: 'Bench',
      familyName: `Case ${index}`,
      dateOfBirth: `${1965 + (index % 35)}-${pad(1 + (index % 12))}-${pad(1 + (index % 28))}`,
      sex: SEXES[index % SEXES.length],
      prisonNumber: `A${pad(index, 4)}BN`,
      areaId: worker.areaId,
      substanceGroup: SUBSTANCE_GROUPS[index % SUBSTANCE_GROUPS.length],
      flags: [PERSON_FLAGS[index % PERSON_FLAGS.length]],
    }),
    201,
    'POST /people',
  ).body;
  const referral = expectStatus(
    await call('POST', `/people/${person.id}/referrals`, {
      pathway: 'continuity_of_care',
      areaId: worker.areaId,
      source: 'HMP Hewell',
      referredOn: addDays(today, -(30 + (index % 20))),
    }),
    201,
    'POST /people/{id}/referrals',
  ).body;
  expectStatus(
    await call('POST', `/referrals/${referral.id}/release`, {
      releasedOn: addDays(today, -(5 + (index % 10))),
      establishment: 'HEI',
      releaseType: 'licence',
    }),
    200,
    'POST /referrals/{id}/release',
  );
  const appointment = expectStatus(
    await call('POST', `/referrals/${referral.id}/appointments`, {
      at: withOffset(new Date(now.getTime() - (1 + (index % 4)) * DAY_MS)),
      location: 'Worcester Community Drug and Alcohol Service',
      kind: 'first',
    }),
    201,
    'POST /referrals/{id}/appointments',
  ).body;
  return {
    personId: String(person.id),
    referralId: String(referral.id),
    appointmentId: String(appointment.id),
    appointmentVersion: Number(appointment.version),
  };
}

/** Seeds `count` cases through the API, `parallel` at a time; answers them in index order. */
export async function seedCases(
  apiUrl: string,
  worker: Caseworker,
  count: number,
  now: Date,
  parallel = 8,
): Promise<SeededCase[]> {
  if (count > 9999) throw new Error('prison numbers A0000BN to A9999BN allow at most 9999 cases');
  return mapBounded(
    Array.from({ length: count }, (_, index) => index),
    parallel,
    (index) => seedCase(apiUrl, worker, index, now),
  );
}
