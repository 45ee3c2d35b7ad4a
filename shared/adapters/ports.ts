import type { Table } from '../data/table.ts';
/** What handlers need from the outside world; adapters for AWS and the local stack implement these. */

export interface InviteInput {
  email: string;
  name: string;
  tenantId: string;
  /** Shown in the local invitation email; Cognito sends its own. */
  partnershipName: string;
  role: string;
}

/** Creates and removes users at the identity provider (Cognito, or the local OIDC provider). */
export interface IdentityAdmin {
  /** Creates the user and sends their invitation; Duplicate when the email already has a user. */
  inviteUser(input: InviteInput): Promise<{ userId: string }>;
  /** Removes the user so they can no longer sign in; a missing user is not an error. */
  removeUser(userId: string): Promise<void>;
}

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
}

/** Sends email (SES, or SMTP to the local mail sink). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** The current time; passed in so tests can move it. */
export type Clock = () => Date;

/** Puts events on the bus (EventBridge in AWS, the in-process bus locally). */
export interface EventPublisher {
  publish(events: readonly { source: string; detailType: string; detail: unknown }[]): Promise<void>;
}

/** The table as one partnership's requests reach it: with credentials scoped to that tenant in AWS. */
export interface TenantTables {
  forTenant(tenantId: string): Promise<Table>;
}
