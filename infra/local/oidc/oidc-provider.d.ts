/**
 * The slice of oidc-provider 9 that the local identity provider uses. The package ships no
 * types and @types/oidc-provider does not cover version 9, so these are declared here, kept
 * to what this folder calls.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** The Koa context oidc-provider hands to configuration functions. */
  export interface ProviderContext {
    type: string;
    status: number;
    body: unknown;
    host: string;
    oidc: {
      client?: { clientId: string; redirectUris: string[] };
    };
  }

  export interface InteractionDetails {
    uid: string;
    prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
    params: Record<string, unknown> & { client_id?: string; scope?: string };
    session?: { accountId: string; uid: string };
    grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string };
    consent?: { grantId: string };
    error?: string;
    error_description?: string;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  /** The token model the JWT format customizer receives. */
  export interface TokenModel {
    kind: string;
    accountId?: string;
  }

  export interface StructuredJwt {
    header: Record<string, unknown> | undefined;
    payload: Record<string, unknown>;
  }

  export class OIDCProviderError extends Error {
    error: string;
    error_description?: string;
    status: number;
  }

  export const errors: {
    InvalidTarget: new (description?: string) => OIDCProviderError;
    SessionNotFound: new (description?: string) => OIDCProviderError;
  };

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    issuer: string;
    proxy: boolean;
    Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: 'server_error', listener: (ctx: ProviderContext, error: Error) => void): this;
  }
}
