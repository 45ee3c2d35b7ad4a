import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors, type InteractionDetails } from 'oidc-provider';
import { ACCESS_TOKEN_SCOPE } from './access-token.ts';
import { FormError, readForm } from './form-body.ts';
import { renderSignInPage, renderSignInProblemPage, type SignInErrors } from './sign-in-page.ts';
import type { LocalIdentityOptions } from './types.ts';

export interface InteractionSetup {
  provider: Provider;
  options: LocalIdentityOptions;
  /** The issuer's path, e.g. /oidc; interaction pages live below it. */
  mountPath: string;
  /** The API's resource indicator, whose scope the automatic consent grants. */
  resource: string;
}

/** Handles a request for an interaction page, given its path below the mount path. */
export type InteractionHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

/** The one message for every failed sign-in, so the page never tells whether an email is known. */
const incorrectCredentials = 'Enter a correct email address and password';

/**
 * The sign-in and consent steps of the code flow, in place of oidc-provider's development
 * pages: sign-in checks the user directory and the shared password; consent is granted at
 * once, as Cognito does for its own app clients.
 */
export function createInteractionHandler(setup: InteractionSetup): InteractionHandler {
  const { provider, options, mountPath } = setup;
  const appHome = new URL('/', options.redirectUris[0] ?? options.issuer).href;

  return async (req, res, path) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    const method = req.method ?? 'GET';
    if (!match || (match[2] ? method !== 'POST' : method !== 'GET')) {
      sendHtml(
        res,
        404,
        renderSignInProblemPage('Page not found', ['There is no sign-in page at this address.']),
      );
      return;
    }
    const uid = match[1] ?? '';

    let details: InteractionDetails | undefined;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
    }
    if (details?.uid !== uid) {
      sendHtml(
        res,
        400,
        renderSignInProblemPage('Your sign-in has timed out', ['Go back to Continuity and sign in again.'], {
          href: appHome,
          text: 'Go to Continuity',
        }),
      );
      return;
    }

    const action = `${mountPath}/interaction/${uid}/login`;
    if (details.prompt.name === 'login') {
      if (method === 'GET') {
        sendHtml(res, 200, renderSignInPage({ action }));
        return;
      }
      await signIn(req, res, action);
      return;
    }
    if (details.prompt.name === 'consent' && method === 'GET') {
      await consent(req, res, details);
      return;
    }
    sendHtml(
      res,
      400,
      renderSignInProblemPage('Sorry, sign-in cannot continue', ['Go back to Continuity and sign in again.']),
    );
  };

  async function signIn(req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
    let form: URLSearchParams;
    try {
      form = await readForm(req);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      sendHtml(
        res,
        error.status,
        renderSignInProblemPage('Sorry, the form could not be read', [error.message]),
      );
      return;
    }
    const email = (form.get('email') ?? '').trim();
    const password = form.get('password') ?? '';

    const errors: SignInErrors = {};
    if (!email) errors.email = 'Enter your email address';
    if (!password) errors.password = 'Enter your password';
    if (!errors.email && !errors.password) {
      const passwordMatches = sameSecret(password, options.password);
      const user = await options.users.byEmail(email.toLowerCase());
      if (user && !user.disabled && passwordMatches) {
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: user.sub } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      errors.email = incorrectCredentials;
    }
    sendHtml(res, 400, renderSignInPage({ action, email, errors }));
  }

  async function consent(
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
  ): Promise<void> {
    const accountId = details.session?.accountId;
    if (!accountId || details.params.client_id !== options.clientId) {
      // Only the first-party web client is registered, and consent always follows a sign-in.
      sendHtml(
        res,
        400,
        renderSignInProblemPage('Sorry, sign-in cannot continue', [
          'Go back to Continuity and sign in again.',
        ]),
      );
      return;
    }
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId: options.clientId });
    const missing = details.prompt.details;
    grant.addOIDCScope([ACCESS_TOKEN_SCOPE, ...(missing.missingOIDCScope ?? [])].join(' '));
    if (missing.missingOIDCClaims?.length) grant.addOIDCClaims(missing.missingOIDCClaims);
    grant.addResourceScope(setup.resource, ACCESS_TOKEN_SCOPE);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
}

/** Compares secrets in constant time, whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Sends one of the local sign-in pages; they need no script, so the policy allows none. */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.end(html);
}
