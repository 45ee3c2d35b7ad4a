import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, type JWTPayload, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalIdentity,
  type LocalIdentity,
  type LocalUser,
  type LocalUserDirectory,
} from '../../infra/local/oidc/index.ts';

const clientId = 'continuity-web';
const password = 'local-password-123';

const chair: LocalUser = {
  sub: 'user-chair-1',
  email: 'chair@example.test',
  name: 'Chair One',
  tenantId: 'tenant-a',
  groups: [],
};
const operator: LocalUser = {
  sub: 'user-op-1',
  email: 'operator@example.test',
  name: 'Op',
  groups: ['operators'],
};
const disabled: LocalUser = { ...chair, sub: 'user-gone-1', email: 'gone@example.test', disabled: true };
const users = [chair, operator, disabled];

const directory: LocalUserDirectory = {
  async byEmail(email) {
    return users.find((user) => user.email === email.toLowerCase());
  },
  async bySub(sub) {
    return users.find((user) => user.sub === sub);
  },
};

let server: Server;
let origin: string;
let issuer: string;
let keyDir: string;
let identity: LocalIdentity;

/** Starts (or restarts) the provider behind the same server, as the gateway would. */
async function startIdentity(): Promise<LocalIdentity> {
  return createLocalIdentity({
    issuer,
    clientId,
    redirectUris: [`${origin}/auth/callback`],
    postLogoutRedirectUris: [`${origin}/signed-out`],
    users: directory,
    password,
    keyFile: join(keyDir, 'oidc-key.json'),
  });
}

beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'local-oidc-'));
  server = createServer((req, res) => {
    if (req.url?.startsWith('/oidc/') || req.url === '/oidc') {
      identity.handle(req, res);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${origin}/oidc`;
  identity = await startIdentity();
});

afterAll(async () => {
  await identity?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(keyDir, { recursive: true, force: true });
});

/** A cookie jar just big enough for the flow: newest value per name, deletions honoured. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function request(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(new URL(url, origin), { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** Follows redirects by hand until one leaves the provider for the app's callback. */
async function followToCallback(
  jar: CookieJar,
  first: Response,
): Promise<{ response: Response; callback?: URL }> {
  let response = first;
  for (let hops = 0; hops < 10; hops += 1) {
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response };
    const next = new URL(location, origin);
    if (next.pathname === '/auth/callback') return { response, callback: next };
    response = await request(jar, next.href);
  }
  throw new Error('too many redirects');
}

interface SignInAttempt {
  jar: CookieJar;
  verifier: string;
  /** The code, when sign-in succeeded. */
  code?: string;
  /** The page shown instead, when it did not. */
  page?: { status: number; html: string };
}

async function signIn(email: string, pass: string): Promise<SignInAttempt> {
  const jar = new CookieJar();
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(8).toString('hex');
  const auth = new URL(`${issuer}/auth`);
  auth.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: `${origin}/auth/callback`,
    response_type: 'code',
    scope: 'openid email profile',
    state,
    nonce: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();

  const start = await request(jar, auth.href);
  expect(start.status).toBe(303);
  const interaction = new URL(start.headers.get('location') ?? '', origin);
  expect(interaction.pathname).toMatch(/^\/oidc\/interaction\/[\w-]+$/);

  const page = await request(jar, interaction.href);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<label class="app-label" for="email">Email address</label>');
  expect(html).toContain('<label class="app-label" for="password">Password</label>');
  expect(html).toMatch(/<input[^>]+id="email"[^>]+type="email"[^>]+autocomplete="username"/);
  expect(html).toMatch(/<button type="submit"[^>]*>Sign in<\/button>/);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  expect(action).toBe(`${interaction.pathname}/login`);

  const posted = await request(jar, action ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: pass }).toString(),
  });
  const { response, callback } = await followToCallback(jar, posted);
  if (!callback) return { jar, verifier, page: { status: response.status, html: await response.text() } };
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.get('iss')).toBe(issuer);
  return { jar, verifier, code: callback.searchParams.get('code') ?? undefined };
}

async function exchange(code: string, verifier?: string): Promise<Response> {
  return fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${origin}/auth/callback`,
      client_id: clientId,
      ...(verifier ? { code_verifier: verifier } : {}),
    }).toString(),
  });
}

type TokenResponse = Record<string, unknown>;

/** Signs in through the whole flow and exchanges the code: the token endpoint's answer. */
async function tokensFor(email: string): Promise<TokenResponse> {
  const attempt = await signIn(email, password);
  const response = await exchange(attempt.code ?? '', attempt.verifier);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenResponse;
}

async function verifyAccessToken(token: string): Promise<JWTPayload> {
  const jwks = createRemoteJWKSet(new URL(identity.jwksUri));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    issuer,
    audience: clientId,
    algorithms: ['RS256'],
  });
  expect(protectedHeader.typ).toBe('at+jwt');
  return payload;
}

describe('local OpenID Connect provider', () => {
  it('publishes discovery for the exact issuer, with PKCE S256, JWKS, token and end-session endpoints', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.jwks_uri).toBe(identity.jwksUri);
    expect(discovery.jwks_uri).toBe(`${issuer}/jwks`);
    expect(discovery.token_endpoint).toBe(`${issuer}/token`);
    expect(discovery.authorization_endpoint).toBe(`${issuer}/auth`);
    expect(discovery.end_session_endpoint).toBe(`${issuer}/session/end`);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);

    const jwks = (await (await fetch(identity.jwksUri)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('walks the code flow with PKCE to an RS256 JWT access token with Cognito-like claims', async () => {
    const attempt = await signIn('Chair@Example.test', password);
    expect(attempt.code).toBeTruthy();

    const response = await exchange(attempt.code ?? '', attempt.verifier);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Record<string, unknown>;
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(typeof tokens.refresh_token).toBe('string');

    const claims = await verifyAccessToken(String(tokens.access_token));
    expect(claims).toMatchObject({
      iss: issuer,
      sub: chair.sub,
      aud: clientId,
      client_id: clientId,
      scope: 'openid email profile',
      token_use: 'access',
      email: chair.email,
      tenant_id: 'tenant-a',
    });
    expect(claims).not.toHaveProperty('cognito:groups');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(typeof claims.jti).toBe('string');

    const idToken = await jwtVerify(String(tokens.id_token), createRemoteJWKSet(new URL(identity.jwksUri)), {
      issuer,
      audience: clientId,
    });
    expect(idToken.payload).toMatchObject({
      sub: chair.sub,
      email: chair.email,
      name: chair.name,
      tenant_id: 'tenant-a',
    });
  });

  it('puts the groups in the token and leaves out an absent tenant', async () => {
    const tokens = await tokensFor(operator.email);
    const claims = await verifyAccessToken(String(tokens.access_token));
    expect(claims['cognito:groups']).toEqual(['operators']);
    expect(claims).not.toHaveProperty('tenant_id');
  });

  it('refreshes to an access token with the same claims', async () => {
    const first = await tokensFor(chair.email);
    const refreshed = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: String(first.refresh_token),
        client_id: clientId,
      }).toString(),
    });
    expect(refreshed.status).toBe(200);
    const tokens = (await refreshed.json()) as Record<string, unknown>;
    const claims = await verifyAccessToken(String(tokens.access_token));
    expect(claims).toMatchObject({
      sub: chair.sub,
      aud: clientId,
      token_use: 'access',
      tenant_id: 'tenant-a',
    });
  });

  it('refuses a wrong password with an error summary that does not say whether the email exists', async () => {
    const wrong = await signIn(chair.email, 'not-the-password');
    const unknown = await signIn('nobody@example.test', password);
    for (const attempt of [wrong, unknown]) {
      expect(attempt.code).toBeUndefined();
      expect([200, 400]).toContain(attempt.page?.status);
      expect(attempt.page?.html).toContain('There is a problem');
      expect(attempt.page?.html).toContain('<a href="#email">Enter a correct email address and password</a>');
      expect(attempt.page?.html).not.toContain('not-the-password');
    }
    const strip = (html = '') =>
      html.replace(/\/oidc\/interaction\/[\w-]+/g, '').replace(/value="[^"]*"/g, '');
    expect(strip(wrong.page?.html)).toBe(strip(unknown.page?.html));
  });

  it('asks for missing fields by name', async () => {
    const attempt = await signIn('', '');
    expect(attempt.page?.html).toContain('<a href="#email">Enter your email address</a>');
    expect(attempt.page?.html).toContain('<a href="#password">Enter your password</a>');
    expect(attempt.page?.html).toContain('<title>Error: Sign in');
  });

  it('refuses a disabled user, at sign-in and when minting', async () => {
    const attempt = await signIn(disabled.email, password);
    expect(attempt.code).toBeUndefined();
    expect(attempt.page?.html).toContain('There is a problem');
    await expect(identity.mintAccessToken(disabled)).rejects.toThrow(/disabled/);
  });

  it('refuses a code exchange without the code_verifier, or with the wrong one', async () => {
    const attempt = await signIn(chair.email, password);
    const missing = await exchange(attempt.code ?? '');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe('invalid_grant');

    const again = await signIn(chair.email, password);
    const wrong = await exchange(again.code ?? '', pkcePair().verifier);
    expect(wrong.status).toBe(400);
  });

  it('refuses an authorization request without a PKCE challenge', async () => {
    const auth = new URL(`${issuer}/auth`);
    auth.search = new URLSearchParams({
      client_id: clientId,
      redirect_uri: `${origin}/auth/callback`,
      response_type: 'code',
      scope: 'openid',
    }).toString();
    const response = await fetch(auth, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', origin);
    expect(location.pathname).toBe('/auth/callback');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('mints access tokens that verify like the flow’s, with the same header and claim names', async () => {
    const tokens = await tokensFor(chair.email);
    const flowToken = String(tokens.access_token);
    const minted = await identity.mintAccessToken(chair);

    const flowClaims = await verifyAccessToken(flowToken);
    const mintedClaims = await verifyAccessToken(minted);
    expect(Object.keys(mintedClaims).sort()).toEqual(Object.keys(flowClaims).sort());
    const { jti: _a, iat: _b, exp: _c, ...flowRest } = flowClaims;
    const { jti: _d, iat: _e, exp: _f, ...mintedRest } = mintedClaims;
    expect(mintedRest).toEqual(flowRest);
    expect((mintedClaims.exp ?? 0) - (mintedClaims.iat ?? 0)).toBe(3600);
    expect(decodeProtectedHeader(minted)).toEqual(decodeProtectedHeader(flowToken));

    const operatorClaims = await verifyAccessToken(await identity.mintAccessToken(operator));
    expect(operatorClaims['cognito:groups']).toEqual(['operators']);
  });

  it('ends the session on RP-initiated logout and redirects to the post-logout URI', async () => {
    const attempt = await signIn(chair.email, password);
    const exchanged = await exchange(attempt.code ?? '', attempt.verifier);
    const tokens = (await exchanged.json()) as TokenResponse;
    const end = new URL(`${issuer}/session/end`);
    end.search = new URLSearchParams({
      id_token_hint: String(tokens.id_token),
      post_logout_redirect_uri: `${origin}/signed-out`,
      state: 'bye',
    }).toString();
    const page = await request(attempt.jar, end.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    const action = /<form[^>]+action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(new URL(action).pathname).toBe('/oidc/session/end/confirm');

    const confirmed = await request(attempt.jar, action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(confirmed.status).toBe(303);
    const location = new URL(confirmed.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${origin}/signed-out`);
    expect(location.searchParams.get('state')).toBe('bye');
  });

  it('keeps the signing key across a restart with the same key file', async () => {
    const before = await identity.mintAccessToken(chair);
    const kid = decodeProtectedHeader(before).kid;
    await identity.close();
    identity = await startIdentity();

    const claims = await verifyAccessToken(before);
    expect(claims.sub).toBe(chair.sub);
    expect(decodeProtectedHeader(await identity.mintAccessToken(chair)).kid).toBe(kid);
  });
});
