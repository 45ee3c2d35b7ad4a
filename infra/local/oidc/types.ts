import type { IncomingMessage, ServerResponse } from 'node:http';
/** A person the local stand-in for Cognito can sign in: one of the local user store's users. */
import type { LocalUser } from '../local-users.ts';

export type { LocalUser };

/** Where the local provider looks users up, on every sign-in and every token. */
export interface LocalUserDirectory {
  /** Finds a user by email address; implementations compare lower-case. */
  byEmail(email: string): Promise<LocalUser | undefined>;
  bySub(sub: string): Promise<LocalUser | undefined>;
}

export interface LocalIdentityOptions {
  /** e.g. http://localhost:3000/oidc; the provider is mounted at the issuer's path. */
  issuer: string;
  /** The web app's public client, e.g. 'continuity-web'. */
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  users: LocalUserDirectory;
  /** One shared password for every local user. */
  password: string;
  /** Where the private signing JWK is kept so tokens survive restarts; generated when missing. */
  keyFile?: string;
}

export interface LocalIdentity {
  /** Node http handler for every request whose path starts with the issuer's path (e.g. /oidc/...). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Mints an access token for a user exactly as the code flow would (same claims, key and lifetime). */
  mintAccessToken(user: LocalUser): Promise<string>;
  /** Absolute URL of the JWKS. */
  jwksUri: string;
  close(): Promise<void>;
}
