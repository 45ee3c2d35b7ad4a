import type { Adapters } from '../../shared/adapters/deps.ts';
import type { EventPublisher, Mailer } from '../../shared/adapters/ports.ts';
import { leadingKeysGuard } from './leading-keys-guard.ts';
import { LocalUserStore, localIdentityAdmin } from './local-users.ts';
import { smtpMailer } from './smtp-mailer.ts';

export interface LocalAdapterParts {
  /** The local mail sink's SMTP address. */
  smtpUrl: string;
  /** The in-process bus. */
  bus: EventPublisher;
  /** Wraps the mailer, so tests can make sends fail. */
  wrapMailer?: (mailer: Mailer) => Mailer;
}

/**
 * The local stack's stand-ins for Cognito, SES, EventBridge and tenant-scoped credentials. Only infra/local imports them,
 * so no AWS bundle carries SMTP or the local user store.
 */
export function localAdapters(parts: LocalAdapterParts): Adapters {
  return {
    mailer: ({ config }) => {
      const mailer = smtpMailer(parts.smtpUrl, config.MAIL_FROM);
      return parts.wrapMailer ? parts.wrapMailer(mailer) : mailer;
    },
    identity: (deps) => localIdentityAdmin(new LocalUserStore(deps.table), deps.mailer, deps.config.APP_URL),
    publisher: () => parts.bus,
    // Local credentials, with the tenant session's leading keys checked as IAM would in AWS.
    tenantTables: (deps) => leadingKeysGuard(deps.table),
  };
}
