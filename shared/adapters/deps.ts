import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createTokenVerifier, type TokenVerifier } from '../auth/verify-token.ts';
import { type Config, readConfig } from '../config.ts';
import { type CursorCodec, cursorCodec } from '../data/cursor.ts';
import { createDocumentClient, type Table } from '../data/table.ts';
import { cognitoIdentityAdmin } from './identity-cognito.ts';
import { LocalUserStore, localIdentityAdmin } from './identity-local.ts';
import { sesMailer } from './mailer-ses.ts';
import { smtpMailer } from './mailer-smtp.ts';
import type { Clock, IdentityAdmin, Mailer } from './ports.ts';

/** Everything a handler depends on, built once per process from the environment. */
export interface Deps {
  config: Config;
  table: Table;
  clock: Clock;
  verifyToken: TokenVerifier;
  identity: IdentityAdmin;
  mailer: Mailer;
  cursors(): Promise<CursorCodec>;
}

/** Builds the dependencies for AWS or the local stack, as the configuration says. */
export function createDeps(config: Config, clock: Clock = () => new Date()): Deps {
  const table: Table = {
    db: createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
    name: config.TABLE_NAME,
  };
  const mailer =
    config.MAIL_TRANSPORT === 'ses'
      ? sesMailer(config.MAIL_FROM)
      : smtpMailer(required(config.SMTP_URL, 'SMTP_URL'), config.MAIL_FROM);
  const identity =
    config.IDENTITY_PROVIDER === 'cognito'
      ? cognitoIdentityAdmin(required(config.USER_POOL_ID, 'USER_POOL_ID'))
      : localIdentityAdmin(new LocalUserStore(table), mailer, config.APP_URL);
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
