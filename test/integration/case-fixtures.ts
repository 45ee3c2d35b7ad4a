import type { LocalStack } from '../../infra/local/stack.ts';
import { addDays, dateOf } from '../../shared/domain/dates.ts';
import { call } from './harness.ts';

/** A date `n` days before today (the stack runs on real time). */
export const daysAgo = (n: number): string => addDays(dateOf(new Date()), -n);

let serial = 1000;
/** A fresh valid prison number. */
export const nextPrisonNumber = (): string => {
  serial += 1;
  return `B${String(serial).padStart(4, '0')}CD`;
};

/**
 * A valid person body for the area: each a different person (prison number and date of birth
 * differ), so fixtures never trip the possible-duplicate check unless a test means them to.
 */
export const personBody = (areaId: string, overrides: Record<string, unknown> = {}) => {
  const prisonNumber = nextPrisonNumber();
  return {
    givenName: 'Jordan',
    familyName: 'Hale',
    dateOfBirth: addDays('1960-01-01', serial),
    sex: 'male',
    prisonNumber,
    areaId,
    substanceGroup: 'opiate',
    flags: ['veteran'],
    ...overrides,
  };
};

/** Adds a person and a continuity-of-care referral for them; answers both. */
export async function personWithReferral(
  stack: LocalStack,
  token: string,
  areaId: string,
  referral: Record<string, unknown> = {},
  person: Record<string, unknown> = {},
) {
  const created = await call(stack, 'POST', '/people', { token, body: personBody(areaId, person) });
  if (created.status !== 201) throw new Error(`person: ${JSON.stringify(created.body)}`);
  const made = await call(stack, 'POST', `/people/${created.body.id}/referrals`, {
    token,
    body: {
      pathway: 'continuity_of_care',
      areaId,
      source: 'HMP Hewell',
      referredOn: daysAgo(10),
      ...referral,
    },
  });
  if (made.status !== 201) throw new Error(`referral: ${JSON.stringify(made.body)}`);
  return { person: created.body, referral: made.body };
}

/** The demo areas' ids by name, as the chair sees them. */
export async function demoAreas(
  stack: LocalStack,
  chairToken: string,
): Promise<{ worcs: string; hereford: string }> {
  const areas = (await call(stack, 'GET', '/areas', { token: chairToken })).body.items as {
    id: string;
    name: string;
  }[];
  const id = (name: string) => areas.find((area) => area.name === name)?.id as string;
  return { worcs: id('Worcestershire'), hereford: id('Herefordshire') };
}

/**
 * The fields a referral on `pathway` must give (API.md "Criminal-justice pathways"): the drug
 * test, the community resolution, the custody suite (the partnership's first, as `token` lists
 * them) or the court order.
 */
export async function pathwayDetails(
  stack: LocalStack,
  token: string,
  pathway: string,
  referredOn: string = daysAgo(10),
): Promise<Record<string, unknown>> {
  switch (pathway) {
    case 'drug_testing_on_arrest':
      return { test: { testedOn: referredOn, result: 'opiates' } };
    case 'divert':
      return { communityResolutionOn: referredOn };
    case 'arrest_referral': {
      const suites = (await call(stack, 'GET', '/custody-suites', { token })).body.items as { id: string }[];
      if (!suites[0]) throw new Error('the partnership has no custody suite');
      return { custodySuiteId: suites[0].id };
    }
    case 'drr':
    case 'atr':
      return {
        order: { madeOn: referredOn, months: 12, court: 'Worcester Magistrates’ Court', reviewDates: [] },
      };
    default:
      return {};
  }
}
