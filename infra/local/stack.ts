import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { rules } from '../../events/rules.ts';
import { schedules } from '../../events/schedules.ts';
import { createDeps, setDeps } from '../../shared/adapters/deps.ts';
import { readConfig } from '../../shared/config.ts';
import type { Table } from '../../shared/data/table.ts';
import { migrateProgrammes } from '../../shared/lifecycle/migrate-programmes.ts';
import { migrateReleaseWork, partnershipIds } from '../../shared/lifecycle/migrate-release-work.ts';
import { ensureTable } from './create-table.ts';
import { LOCAL_PASSWORD } from './demo-data.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import { LocalEventBus } from './event-bus.ts';
import { FlakyMailer } from './flaky-mailer.ts';
import { createGateway } from './gateway.ts';
import { localAdapters } from './local-adapters.ts';
import { localApiRoutes } from './local-api-routes.ts';
import { LocalClock } from './local-clock.ts';
import { LocalUserStore } from './local-users.ts';
import { type MailSink, renderMailPage, startMailSink } from './mail/index.ts';
import { createLocalIdentity } from './oidc/index.ts';
import { startScheduleTimers } from './schedule-timers.ts';
import { ensureOperator, seedDemo } from './seed-demo.ts';
import { seedDemoCases } from './seed-demo-cases.ts';
import { switchableListener } from './starting-up.ts';
import { staticFiles } from './static-files.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CLIENT_ID = 'continuity-web';
export const MAIL_PAGE = '/_mail';

export interface LocalStackOptions {
  /** Port of the one origin (app, API, sign-in); 0 picks a free one. Default 3000. */
  port?: number;
  /** Folder for DynamoDB Local's data, the signing key and sent mail; omit for a throwaway stack. */
  dataDir?: string;
  /** Use an already running DynamoDB Local instead of starting one (tests share one). */
  dynamoEndpoint?: string;
  tableName?: string;
  seedDemo?: boolean;
  /** With a freshly seeded demo partnership, also its demo caseload (npm start; tests make their own cases). */
  demoCases?: boolean;
  /** Folder of the built web app (default frontend/dist). */
  frontendDir?: string;
  quiet?: boolean;
  /** Run events/schedules.ts on timers (npm start does; tests call the sweep themselves). */
  runSchedules?: boolean;
  /** Throttle routes as API Gateway does (default on; fuzz tests turn it off to reach validation). */
  throttle?: boolean;
  /** Called once the port is open, before the stack is ready (it answers 503 until then). */
  onListening?: (url: string) => void;
}

export interface LocalStack {
  url: string;
  apiUrl: string;
  tableName: string;
  dynamoEndpoint: string;
  table: Table;
  clock: LocalClock;
  mail: MailSink;
  users: LocalUserStore;
  /** The in-process EventBridge stand-in: `idle()` waits for deliveries, failed ones are kept. */
  bus: LocalEventBus;
  /** Makes the next mail sends fail, to prove retries and the failed-mail list. */
  mailFaults: FlakyMailer;
  /** Runs the alert sweep now (as POST /_local/sweep does) and waits for its mail. */
  sweep(): Promise<{ raised: number }>;
  /** An access token for a local user, as the sign-in flow would give. */
  token(email: string): Promise<string>;
  stop(): Promise<void>;
}

/** The secret that signs cursors, kept with the data so cursors survive a restart. */
function cursorSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'cursor-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * Starts the whole service on one machine: DynamoDB Local, the gateway serving the API from the
 * route table and the built web app, the local OpenID Connect provider and the mail sink.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
  };
  try {
    // The port opens first and answers 503 until the stack is ready, so a request that arrives
    // while the database starts or the demo is seeded is answered, never left hanging.
    const requests = switchableListener();
    const server = createServer(requests.listener);
    const port = await listen(server, options.port ?? 3000);
    started.push({ stop: () => closeServer(server) });
    const url = `http://localhost:${port}`;
    options.onListening?.(url);

    let dynamo: DynamoDbLocal | undefined;
    if (!options.dynamoEndpoint) {
      // With a data folder the database runs as a server of its own, so a stack killed outright
      // loses no acknowledged write; the next start adopts it.
      dynamo = await startDynamoDbLocal({
        dataDir: dataDir ? join(dataDir, 'dynamodb') : undefined,
        detached: Boolean(dataDir),
      });
      started.push(dynamo);
    }
    const dynamoEndpoint = options.dynamoEndpoint ?? (dynamo as DynamoDbLocal).endpoint;
    const tableName = options.tableName ?? 'continuity';
    const admin = new DynamoDBClient({
      endpoint: dynamoEndpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tableState = await ensureTable(admin, tableName);
    admin.destroy();

    const mail = await startMailSink({ dataFile: dataDir ? join(dataDir, 'mail.jsonl') : undefined });
    started.push({ stop: () => mail.close() });

    const clock = new LocalClock();
    const config = readConfig({
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      AWS_REGION: 'eu-west-2',
      AUTH_ISSUER: `${url}/oidc`,
      AUTH_AUDIENCE: CLIENT_ID,
      AUTH_JWKS_URI: `${url}/oidc/jwks`,
      MAIL_FROM: 'no-reply@continuity.local',
      APP_URL: url,
      CURSOR_SECRET: cursorSecret(dataDir),
    });
    const bus = new LocalEventBus({
      rules,
      failedFile: dataDir ? join(dataDir, 'failed-deliveries.json') : undefined,
    });
    const mailFaults = new FlakyMailer();
    const deps = createDeps(
      config,
      clock.now,
      localAdapters({ smtpUrl: mail.smtpUrl, bus, wrapMailer: (mailer) => mailFaults.wrap(mailer) }),
    );
    setDeps(deps);
    const sweep = async () => {
      const { runSweep } = await import('../../shared/alerts/sweep.ts');
      const result = await runSweep(deps);
      await bus.idle();
      return { raised: result.raised };
    };
    if (options.runSchedules) started.push(startScheduleTimers(schedules));
    const users = new LocalUserStore(deps.table);

    const identity = await createLocalIdentity({
      issuer: config.AUTH_ISSUER,
      clientId: CLIENT_ID,
      redirectUris: [`${url}/auth/callback`],
      postLogoutRedirectUris: [`${url}/signed-out`, url],
      users,
      password: LOCAL_PASSWORD,
      keyFile: dataDir ? join(dataDir, 'oidc-signing-key.json') : undefined,
    });
    started.push({ stop: () => identity.close() });

    await ensureOperator(users);
    if (options.seedDemo) {
      const seeded = await seedDemo(deps.table, clock.now());
      if (seeded === 'seeded' && options.demoCases) await seedDemoCases(deps);
    }
    // A table kept from an earlier version (in .data/) is brought up to date; it is safe to repeat.
    if (tableState === 'existing') {
      for (const tenantId of await partnershipIds(deps.table)) {
        await migrateReleaseWork(deps, tenantId);
        await migrateProgrammes(deps.table, tenantId, clock.now());
      }
    }

    const serveApp = staticFiles(options.frontendDir ?? join(REPO_ROOT, 'frontend', 'dist'));
    const frontendConfig = JSON.stringify({
      authority: config.AUTH_ISSUER,
      clientId: CLIENT_ID,
      scope: 'openid email profile',
      apiBase: '/api',
      environment: 'local',
      mailPage: MAIL_PAGE,
    });
    const token = async (email: string) => {
      const user = await users.byEmail(email);
      if (!user) throw new Error('No local user has that email');
      return identity.mintAccessToken(user);
    };

    requests.ready(
      createGateway({
        throttle: options.throttle,
        localRoutes: localApiRoutes({
          users,
          mail,
          bus,
          clock,
          sweep,
          ingest: async (event) => {
            const { ingestHmppsEvent } = await import('../../shared/imports/hmpps-event.ts');
            return ingestHmppsEvent(deps, event);
          },
          mintToken: (user) => identity.mintAccessToken(user),
        }),
        site: (request: IncomingMessage, response: ServerResponse, requestUrl: URL) => {
          const path = requestUrl.pathname;
          if (path === '/oidc' || path.startsWith('/oidc/')) return identity.handle(request, response);
          if (path === '/config.json') {
            response.writeHead(200, {
              'content-type': 'application/json; charset=utf-8',
              'cache-control': 'no-store',
            });
            return void response.end(frontendConfig);
          }
          if (path === MAIL_PAGE) {
            response.writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
            });
            return void response.end(renderMailPage(mail.list()));
          }
          serveApp(path, response);
        },
      }),
    );

    return {
      url,
      apiUrl: `${url}/api`,
      tableName,
      dynamoEndpoint,
      table: deps.table,
      clock,
      mail,
      users,
      bus,
      mailFaults,
      sweep,
      token,
      stop: async () => {
        await bus.idle();
        setDeps(undefined);
        deps.table.db.destroy();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}
