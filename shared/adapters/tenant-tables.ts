import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createDocumentClient, type Table } from '../data/table.ts';
import type { Deps } from './deps.ts';
import type { TenantTables } from './ports.ts';

/** The session tag the tenant-scoped role's policy reads (infra/aws/tenant-data-role.ts TENANT_TAG). */
export const TENANT_SESSION_TAG = 'tenantId';
/** How long one tenant session lasts: the role's default maximum. */
const SESSION_SECONDS = 3600;
/** Sessions are renewed this long before they expire, so no request starts on a dying one. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
/** Tenants one warm function keeps a session and a client for; the oldest goes first. */
const MAX_TENANTS = 32;

/** Temporary credentials of one role session. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface TenantSessionOptions {
  tableName: string;
  region: string;
  /** Starts a session for one tenant (AssumeRole with the tenant as its session tag). */
  assume(tenantId: string): Promise<SessionCredentials>;
  /** Milliseconds now; the clock of session expiry. */
  now?: () => number;
}

/**
 * One table client per tenant, each signing with that tenant's own role session, so IAM
 * (`dynamodb:LeadingKeys`) refuses any key outside the tenant's partition whatever the code
 * built. A session is started on the tenant's first request, shared by concurrent ones, and
 * renewed shortly before it expires: one STS call per tenant per hour per warm function.
 */
export function tenantSessions(options: TenantSessionOptions): TenantTables {
  const now = options.now ?? Date.now;
  const tables = new Map<string, Table>();

  const credentialsOf = (tenantId: string) => {
    let session: Promise<SessionCredentials> | undefined;
    return async (): Promise<SessionCredentials> => {
      const current = session ? await session.catch(() => undefined) : undefined;
      if (!current || current.expiration.getTime() - now() < RENEW_BEFORE_MS) {
        const started = options.assume(tenantId);
        session = started;
        // A failed start is not kept: the next request tries again.
        started.catch(() => {
          if (session === started) session = undefined;
        });
        return started;
      }
      return current;
    };
  };

  return {
    forTenant: async (tenantId) => {
      const known = tables.get(tenantId);
      if (known) {
        // Most recently used last, so the oldest is evicted first.
        tables.delete(tenantId);
        tables.set(tenantId, known);
        return known;
      }
      const table: Table = {
        name: options.tableName,
        db: createDocumentClient({ region: options.region, credentials: credentialsOf(tenantId) }),
      };
      tables.set(tenantId, table);
      if (tables.size > MAX_TENANTS) {
        const [oldest, evicted] = tables.entries().next().value as [string, Table];
        tables.delete(oldest);
        evicted.db.destroy();
      }
      return table;
    },
  };
}

/** A role session name STS accepts: `[\w+=,.@-]`, at most 64 characters. */
const sessionName = (tenantId: string) => `tenant-${tenantId}`.replace(/[^\w+=,.@-]/g, '_').slice(0, 64);

/**
 * The API's tenant tables in AWS: sessions of `TENANT_ROLE_ARN` tagged with the tenant. Without
 * that setting (the local stack) every tenant uses the process's own table and credentials.
 */
export const assumedRoleTables = (deps: Deps): TenantTables => {
  const roleArn = deps.config.TENANT_ROLE_ARN;
  if (!roleArn) return { forTenant: async () => deps.table };
  // The SDK's own AssumeRole provider: its STS client is the one the SDK's credential chain
  // already bundles, so tenant sessions add almost nothing to a function's bundle.
  const clientConfig = {
    region: deps.config.AWS_REGION,
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 3_000 }),
  };
  return tenantSessions({
    tableName: deps.config.TABLE_NAME,
    region: deps.config.AWS_REGION,
    assume: async (tenantId) => {
      const credentials = await fromTemporaryCredentials({
        clientConfig,
        params: {
          RoleArn: roleArn,
          RoleSessionName: sessionName(tenantId),
          DurationSeconds: SESSION_SECONDS,
          // The function's own routes' actions: the session gets the intersection with the role's.
          ...(deps.config.TENANT_SESSION_POLICY ? { Policy: deps.config.TENANT_SESSION_POLICY } : {}),
          Tags: [{ Key: TENANT_SESSION_TAG, Value: tenantId }],
        },
      })();
      if (!credentials.sessionToken) throw new Error('STS answered AssumeRole without a session token');
      return {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
        expiration: credentials.expiration ?? new Date(Date.now() + SESSION_SECONDS * 1000),
      };
    },
  });
};
