import { createTokenVerifier, type TokenVerifier } from '../auth/verify-token.ts';
import { type Config, readConfig } from '../config.ts';
import { type CursorCodec, cursorCodec } from '../data/cursor.ts';
import { createDocumentClient, type Table } from '../data/table.ts';
import { readCursorSecret } from './cursor-secret.ts';
import type { Clock, EventPublisher, IdentityAdmin, Mailer, TenantTables } from './ports.ts';

/** Everything a handler depends on, built once per process from the environment. */
export interface Deps {
  config: Config;
  table: Table;
  clock: Clock;
  verifyToken: TokenVerifier;
  identity: IdentityAdmin;
  mailer: Mailer;
  publisher: EventPublisher;
  /**
   * The table for one partnership's request: in AWS a client signing with that tenant's role
   * session; where no tenant tables are wired (the local stack, workers), `table` itself.
   */
  tenantTable(tenantId: string): Promise<Table>;
  cursors(): Promise<CursorCodec>;
}

/** Builds one adapter from the rest of the dependencies, when it is first used. */
export type AdapterFactory<T> = (deps: Deps) => T | Promise<T>;

/**
 * The adapters a process wires for itself. Each Lambda names only those its work uses (so its
 * bundle carries no other client), and the local stack wires its own stand-ins; a port nobody
 * wired fails when used, naming itself.
 */
export interface Adapters {
  identity?: AdapterFactory<IdentityAdmin>;
  mailer?: AdapterFactory<Mailer>;
  publisher?: AdapterFactory<EventPublisher>;
  tenantTables?: AdapterFactory<TenantTables>;
}

/** Builds a port's adapter on the first call, so a function pays for a client only when it uses it. */
function onFirstUse<T>(
  name: string,
  deps: () => Deps,
  factory: AdapterFactory<T> | undefined,
): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => {
    built ??= factory
      ? Promise.resolve().then(() => factory(deps()))
      : Promise.reject(new Error(`No ${name} adapter is wired in this function`));
    return built;
  };
}

/** Builds the dependencies from the configuration, the clock and the adapters this process wires. */
export function createDeps(config: Config, clock: Clock = () => new Date(), adapters: Adapters = {}): Deps {
  const self = (): Deps => deps;
  const identity = onFirstUse('identity', self, adapters.identity);
  const mailer = onFirstUse('mailer', self, adapters.mailer);
  const publisher = onFirstUse('event publisher', self, adapters.publisher);
  const tenantTables = adapters.tenantTables
    ? onFirstUse('tenant tables', self, adapters.tenantTables)
    : async (): Promise<TenantTables> => ({ forTenant: async () => deps.table });
  let codec: Promise<CursorCodec> | undefined;
  const deps: Deps = {
    config,
    table: {
      db: createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
      name: config.TABLE_NAME,
    },
    clock,
    verifyToken: createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUri: config.AUTH_JWKS_URI,
    }),
    identity: {
      inviteUser: async (input) => (await identity()).inviteUser(input),
      removeUser: async (userId) => (await identity()).removeUser(userId),
    },
    mailer: { send: async (mail) => (await mailer()).send(mail) },
    publisher: { publish: async (events) => (await publisher()).publish(events) },
    tenantTable: async (tenantId) => (await tenantTables()).forTenant(tenantId),
    cursors: () => {
      codec ??= readCursorSecret(config).then(cursorCodec);
      return codec;
    },
  };
  return deps;
}

let current: Deps | undefined;
let wired: Adapters = {};

/**
 * Names the adapters this Lambda uses; its entry calls this once at load, before any request.
 * The local stack and tests install whole dependencies with setDeps instead.
 */
export function wireAdapters(adapters: Adapters): void {
  wired = { ...wired, ...adapters };
}

/** The process's dependencies, read from the environment on first use. */
export function getDeps(): Deps {
  current ??= createDeps(readConfig(process.env), undefined, wired);
  return current;
}

/** Replaces the process's dependencies: the local stack and tests use this to move the clock. */
export function setDeps(deps: Deps | undefined): void {
  current = deps;
}
