import { expect } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';

/** Calls the stack's API as `email` would, and fails the test on an unexpected status. */
export async function callApi<T = Record<string, unknown>>(
  stack: LocalStack,
  email: string,
  method: string,
  path: string,
  body?: unknown,
  expected = method === 'POST' ? [200, 201, 202] : [200],
): Promise<T> {
  const token = await stack.token(email);
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(expected, `${method} ${path} answered ${response.status}: ${text}`).toContain(response.status);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The demo partnership's areas by name, as `email` sees them. */
export async function areaIds(stack: LocalStack, email: string): Promise<Record<string, string>> {
  const areas = await callApi<{ items: { id: string; name: string }[] }>(stack, email, 'GET', '/areas');
  return Object.fromEntries(areas.items.map((area) => [area.name, area.id]));
}

let serial = 0;
/** A prison number no other case of the run has: one letter, four digits, two letters. */
export function nextPrisonNumber(letter = 'E'): string {
  serial += 1;
  return `${letter}${String(serial).padStart(4, '0')}${String.fromCharCode(65 + (serial % 26))}Z`;
}

/** What happens to a continuity-of-care case after its referral, each step optional. */
export interface CaseSteps {
  areaId: string;
  referredOn: string;
  releasedOn?: string;
  establishment?: string;
  engagedOn?: string;
  closed?: { reason: string; closedOn: string };
  pathway?: string;
  givenName?: string;
  familyName?: string;
}

/** Adds a person and a referral through the API, then records each step given; answers the referral's id. */
export async function createCase(stack: LocalStack, email: string, steps: CaseSteps): Promise<string> {
  const person = await callApi<{ id: string }>(stack, email, 'POST', '/people', {
    givenName: steps.givenName ?? 'Alex',
    familyName: steps.familyName ?? 'Example',
    prisonNumber: nextPrisonNumber(),
    // A date of birth of its own, so no two cases' people are possible duplicates (API.md "Trust").
    dateOfBirth: `${1950 + (serial % 40)}-04-${String(1 + (serial % 28)).padStart(2, '0')}`,
    sex: 'female',
    areaId: steps.areaId,
    substanceGroup: 'opiate',
    flags: [],
  });
  const referral = await callApi<{ id: string }>(stack, email, 'POST', `/people/${person.id}/referrals`, {
    pathway: steps.pathway ?? 'continuity_of_care',
    areaId: steps.areaId,
    source: 'HMP Hewell',
    referredOn: steps.referredOn,
  });
  const base = `/referrals/${referral.id}`;
  if (steps.releasedOn) {
    await callApi(stack, email, 'POST', `${base}/release`, {
      releasedOn: steps.releasedOn,
      releaseType: 'licence',
      ...(steps.establishment ? { establishment: steps.establishment } : {}),
    });
  }
  if (steps.engagedOn)
    await callApi(stack, email, 'POST', `${base}/engagement`, { startedOn: steps.engagedOn });
  if (steps.closed) await callApi(stack, email, 'POST', `${base}/close`, steps.closed);
  return referral.id;
}

/** A date `days` from today as the API counts days (UTC), while the stack runs on real time. */
export function day(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
