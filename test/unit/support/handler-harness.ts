import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { lambdaContext } from '../../../infra/local/lambda-event.ts';
import { type Deps, setDeps } from '../../../shared/adapters/deps.ts';
import type { IdentityAdmin, InviteInput, Mailer, OutgoingMail } from '../../../shared/adapters/ports.ts';
import { readConfig } from '../../../shared/config.ts';
import { cursorCodec } from '../../../shared/data/cursor.ts';
import type { MemberRole } from '../../../shared/domain/values.ts';
import { requestFingerprint } from '../../../shared/http/idempotency.ts';

/**
 * Handler tests without I/O: the document client's `send` is mocked for every instance, and the
 * handlers get a Deps with a stub token verifier, a fixed clock and recording fakes.
 */
export const ddb = mockClient(DynamoDBDocumentClient);

export const TENANT = 't1';
export const CALLER = 'u1';
export const NOW = new Date('2026-04-01T09:30:00.000Z');

/** An identity admin that records what it was asked to do. */
export class FakeIdentity implements IdentityAdmin {
  readonly invited: InviteInput[] = [];
  readonly removed: string[] = [];
  /** The user id the next invitation creates. */
  nextUserId = 'new-user-0001';
  /** `journal` collects the calls of this fake and of the table in order, for tests of ordering. */
  constructor(private readonly journal: string[]) {}
  async inviteUser(input: InviteInput): Promise<{ userId: string }> {
    this.journal.push('inviteUser');
    this.invited.push(input);
    return { userId: this.nextUserId };
  }
  async removeUser(userId: string): Promise<void> {
    this.journal.push('removeUser');
    this.removed.push(userId);
  }
}

/** A mailer that keeps what it sent. */
export class FakeMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    this.sent.push(mail);
    return { messageId: `m${this.sent.length}` };
  }
}

export interface Harness {
  deps: Deps;
  identity: FakeIdentity;
  mailer: FakeMailer;
  journal: string[];
}

/** Resets the table mock and installs fresh dependencies for one test. */
export function installDeps(): Harness {
  ddb.reset();
  const journal: string[] = [];
  const identity = new FakeIdentity(journal);
  const mailer = new FakeMailer();
  const deps: Deps = {
    config: readConfig({
      TABLE_NAME: 'T',
      AWS_REGION: 'eu-west-2',
      AUTH_ISSUER: 'http://localhost:3000/oidc',
      AUTH_AUDIENCE: 'continuity-web',
      AUTH_JWKS_URI: 'http://localhost:3000/oidc/jwks',
      IDENTITY_PROVIDER: 'local',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      APP_URL: 'http://localhost:3000',
      CURSOR_SECRET: 'x'.repeat(32),
    }),
    table: { db: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), name: 'T' },
    clock: () => new Date(NOW),
    verifyToken: async () => ({ sub: CALLER, tenant_id: TENANT }),
    identity,
    mailer,
    publisher: {
      publish: async (events) => void journal.push(...events.map((event) => `publish ${event.detailType}`)),
    },
    tenantTable: async () => deps.table,
    cursors: async () => cursorCodec('x'.repeat(32)),
  };
  setDeps(deps);
  return { deps, identity, mailer, journal };
}

/** A stored member item of the tenant. */
export function memberItem(id: string, role: MemberRole, areaIds: string[] = []) {
  return {
    PK: `T#${TENANT}`,
    SK: `MEMBER#${id}`,
    type: 'member',
    id,
    email: `${id}@example.test`,
    name: `Member ${id}`,
    role,
    areaIds,
    version: 1,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

/** Makes the caller a member of the tenant with this role (the membership read on every request). */
export function callerIs(role: MemberRole, areaIds: string[] = []): void {
  ddb
    .on(GetCommand, { Key: { PK: `T#${TENANT}`, SK: `MEMBER#${CALLER}` } })
    .resolves({ Item: memberItem(CALLER, role, areaIds) });
}

export interface EventInput {
  method: string;
  /** Route path with the values filled in, below /api. */
  path: string;
  /** Route path with placeholders, for the route key. */
  route?: string;
  headers?: Record<string, string>;
  body?: unknown;
  pathParameters?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
}

/** An API Gateway HTTP API (payload 2.0) event as the gateway sends it for an authorised call. */
export function apiEvent(input: EventInput): APIGatewayProxyEventV2 {
  const routeKey = `${input.method} /api${input.route ?? input.path}`;
  const body =
    input.body === undefined
      ? undefined
      : typeof input.body === 'string'
        ? input.body
        : JSON.stringify(input.body);
  return {
    version: '2.0',
    routeKey,
    rawPath: `/api${input.path}`,
    rawQueryString: new URLSearchParams(input.queryStringParameters ?? {}).toString(),
    headers: {
      authorization: 'Bearer test-token',
      host: 'localhost:3000',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...input.headers,
    },
    queryStringParameters: input.queryStringParameters,
    pathParameters: input.pathParameters,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: input.method,
        path: `/api${input.path}`,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: 'request-1',
      routeKey,
      stage: '$default',
      time: NOW.toUTCString(),
      timeEpoch: NOW.getTime(),
    },
    body,
    isBase64Encoded: false,
  };
}

/** The JSON of a response: an error envelope or a record. */
export interface ResponseJson {
  error?: { code: string; message: string; fields?: Record<string, string> };
  [field: string]: unknown;
}

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Calls a handler (a middy-wrapped export of functions/api/handlers) as Lambda would and parses its JSON body. */
export async function invoke(handler: object, event: APIGatewayProxyEventV2, name = 'test') {
  const response = await (handler as Handler)(event, lambdaContext(name));
  const json = response.body === undefined ? undefined : (JSON.parse(response.body) as ResponseJson);
  return { ...response, json };
}

/** A connection refusal as Node reports it when DynamoDB cannot be reached. */
export const connectionRefused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), {
    code: 'ECONNREFUSED',
    errno: -111,
    syscall: 'connect',
  });

/** The key and request hash of an Idempotency-Key slot, computed as API.md's contract implies. */
export function idempotencyItemKey(
  operationId: string,
  idempotencyKey: string,
  parsedBody: unknown,
  request: { method: string; path: string } = { method: 'POST', path: '/areas' },
) {
  const user = createHash('sha256').update(CALLER).digest('base64url').slice(0, 16);
  return {
    key: { PK: `T#${TENANT}`, SK: `IDEMPOTENCY#${operationId}#${user}#${idempotencyKey}` },
    requestHash: requestFingerprint({ ...request, query: {}, body: JSON.stringify(parsedBody) }),
  };
}
