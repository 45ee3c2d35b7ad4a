import type { AdapterFactory } from './deps.ts';
import type { EventPublisher, IdentityAdmin, Mailer } from './ports.ts';

/** A setting this adapter cannot work without; its absence is a deployment mistake. */
function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`Invalid configuration: ${name} is required here`);
  return value;
}

// Each AWS adapter loads its SDK client on first use: a function's init pays only for the
// DynamoDB client every request needs, and esbuild leaves out of a bundle every adapter its
// entry does not wire.

/** Invites and removes users in the Cognito user pool. */
export const cognitoIdentity: AdapterFactory<IdentityAdmin> = async ({ config }) =>
  (await import('./identity-cognito.ts')).cognitoIdentityAdmin(required(config.USER_POOL_ID, 'USER_POOL_ID'));

/** Sends mail with SES from the service's verified identity. */
export const sesMail: AdapterFactory<Mailer> = async ({ config }) =>
  (await import('./mailer-ses.ts')).sesMailer(config.MAIL_FROM);

/** Publishes to the service's EventBridge bus. */
export const eventBridgeBus: AdapterFactory<EventPublisher> = async ({ config }) =>
  (await import('./publisher-eventbridge.ts')).eventBridgePublisher(
    required(config.EVENT_BUS_NAME, 'EVENT_BUS_NAME'),
  );
