import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { DEMO_MEMBERS } from '../../infra/local/demo-data.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
  body: any;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A local stack on a fresh table of the shared DynamoDB Local, with the demo partnership. */
export async function startTestStack(
  options: { throttle?: boolean; demoCases?: boolean } = {},
): Promise<LocalStack & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'continuity-test-'));
  const stack = await startLocalStack({
    port: 0,
    dataDir,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `continuity-${randomUUID()}`,
    seedDemo: true,
    demoCases: options.demoCases,
    quiet: true,
    throttle: options.throttle,
  });
  return {
    ...stack,
    dataDir,
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API as a client would. */
export async function call(
  stack: LocalStack,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${stack.apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export const DEMO = Object.fromEntries(
  DEMO_MEMBERS.map((member) => [
    member.role === 'caseworker' ? member.email.split('@')[0] : member.role,
    member.email,
  ]),
) as Record<'chair' | 'manager' | 'caseworker.worcs' | 'caseworker.hereford' | 'analyst', string>;

/** Tokens for one member of each role of the demo partnership, and the operator. */
export async function demoTokens(stack: LocalStack) {
  return {
    operator: await stack.token('operator@example.test'),
    chair: await stack.token(DEMO.chair),
    manager: await stack.token(DEMO.manager),
    caseworker: await stack.token(DEMO['caseworker.worcs']),
    analyst: await stack.token(DEMO.analyst),
  };
}

/**
 * A second partnership created through the API by the operator, with its chair's token and one
 * area: the "other tenant" of the isolation tests.
 */
export async function otherTenant(stack: LocalStack, operatorToken: string) {
  const suffix = randomUUID().slice(0, 8);
  const chairEmail = `chair-${suffix}@other.example.test`;
  const created = await call(stack, 'POST', '/admin/partnerships', {
    token: operatorToken,
    body: { name: `Other County CDP ${suffix}`, chair: { email: chairEmail, name: 'Other Chair' } },
  });
  if (created.status !== 201)
    throw new Error(`could not create the other tenant: ${JSON.stringify(created.body)}`);
  const chair = await stack.token(chairEmail);
  const area = await call(stack, 'POST', '/areas', {
    token: chair,
    body: { name: 'Other Borough', onsCode: 'E09000001', alertEmails: [] },
  });
  // The created partnership answers as the record itself (API.md "Trust"), with its chair.
  const { chair: chairMember, ...partnership } = created.body.partnership
    ? { ...created.body.partnership, chair: created.body.chair }
    : created.body;
  return { partnership, chairMember, chair, area: area.body };
}
