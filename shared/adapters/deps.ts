import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createTokenVerifier, type TokenVerifier } from '../auth/verify-token.ts';
import { type Config, readConfig } from '../config.ts';
import { type CursorCodec, cursorCodec } from '../data/cursor.ts';
import { createDocumentClient, type Table } from '../data/table.ts';
import { cognitoIdentityAdmin } from './identity-cognito.ts';
import { LocalUserStore, localIdentityAdmin } from './identity-local.ts';
import { sesMailer } from './mailer-ses.ts';
import { smtpMailer } from './mailer-smtp.ts';
import type { Clock, EventPublisher, IdentityAdmin, Mailer } from './ports.ts';
import { eventBridgePublisher } from './publisher-eventbridge.ts';

/** Everything a handler depends on, built once per process from the environment. */
export interface Deps {
  config: Config;
  table: Table;
  clock: Clock;
  verifyToken: TokenVerifier;
  identity: IdentityAdmin;
  mailer: Mailer;
  publisher: EventPublisher;
  cursors(): Promise<CursorCodec>;
}

/** Adapters the local stack provides itself (its in-process bus). */
export interface DepsOverrides {
  publisher?: EventPublisher;
  /** Wraps the configured mailer (the local stack injects send failures through this). */
  wrapMailer?: (mailer: Mailer) => Mailer;
}

/** Builds the dependencies for AWS or the local stack, as the configuration says. */
export function createDeps(
  config: Config,
  clock: Clock = () => new Date(),
  overrides: DepsOverrides = {},
): Deps {
  const table: Table = {
    db: createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
    name: config.TABLE_NAME,
  };
  const configuredMailer =
    config.MAIL_TRANSPORT === 'ses'
      ? sesMailer(config.MAIL_FROM)
      : smtpMailer(required(config.SMTP_URL, 'SMTP_URL'), config.MAIL_FROM);
  const mailer = overrides.wrapMailer ? overrides.wrapMailer(configuredMailer) : configuredMailer;
  const identity =
    config.IDENTITY_PROVIDER === 'cognito'
      ? cognitoIdentityAdmin(required(config.USER_POOL_ID, 'USER_POOL_ID'))
      : localIdentityAdmin(new LocalUserStore(table), mailer, config.APP_URL);
  // Built on first publish: most functions never publish, and need no bus name.
  let bus: EventPublisher | undefined;
  const publisher: EventPublisher = overrides.publisher ?? {
    publish: (events) => {
      bus ??=
        config.EVENTS_TRANSPORT === 'eventbridge'
          ? eventBridgePublisher(required(config.EVENT_BUS_NAME, 'EVENT_BUS_NAME'))
          : unavailablePublisher();
      return bus.publish(events);
    },
  };
  let codec: Promise<CursorCodec> | undefined;
  return {
    config,
    table,
    clock,
    verifyToken: createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUri: config.AUTH_JWKS_URI,
    }),
    identity,
    mailer,
    publisher,
    cursors: () => {
      codec ??= cursorSecret(config).then(cursorCodec);
      return codec;
    },
  };
}

async function cursorSecret(config: Config): Promise<string> {
  if (config.CURSOR_SECRET) return config.CURSOR_SECRET;
  const arn = required(config.CURSOR_SECRET_ARN, 'CURSOR_SECRET or CURSOR_SECRET_ARN');
  const result = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!result.SecretString) throw new Error('The cursor secret is empty');
  return result.SecretString;
}

/** A publisher for processes given no bus: publishing fails, so an alert stays in its outbox. */
function unavailablePublisher(): EventPublisher {
  return {
    publish: async () => {
      throw new Error('No event bus is configured in this process');
    },
  };
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`Invalid configuration: ${name} is required here`);
  return value;
}

let current: Deps | undefined;

/** The process's dependencies, read from the environment on first use. */
export function getDeps(): Deps {
  current ??= createDeps(readConfig(process.env));
  return current;
}

/** Replaces the process's dependencies: the local stack and tests use this to move the clock. */
export function setDeps(deps: Deps | undefined): void {
  current = deps;
}
