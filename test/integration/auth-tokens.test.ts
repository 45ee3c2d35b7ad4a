import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../infra/local/demo-data.ts';
import { CLIENT_ID } from '../../infra/local/stack.ts';
import { call, DEMO, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('access tokens', () => {
  let stack: Stack;
  let key: JWK & { kid: string };
  let chairSub: string;

  beforeAll(async () => {
    stack = await startTestStack();
    key = JSON.parse(readFileSync(join(stack.dataDir, 'oidc-signing-key.json'), 'utf8'));
    chairSub = (await stack.users.byEmail(DEMO.chair))?.sub as string;
  });
  afterAll(() => stack.stop());

  /** A token like the provider's, with any claim or header changed. */
  async function forge(
    change: { claims?: Record<string, unknown>; signWith?: JWK; kid?: string; expSeconds?: number } = {},
  ) {
    const now = Math.floor(Date.now() / 1000);
    const signer = await importJWK(change.signWith ?? key, 'RS256');
    return new SignJWT({
      token_use: 'access',
      client_id: CLIENT_ID,
      tenant_id: DEMO_PARTNERSHIP.id,
      email: DEMO.chair,
      iss: `${stack.url}/oidc`,
      aud: CLIENT_ID,
      sub: chairSub,
      ...change.claims,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: change.kid ?? key.kid })
      .setIssuedAt(now - 10)
      .setExpirationTime(now + (change.expSeconds ?? 600))
      .sign(signer);
  }

  const getPartnership = (token?: string, headers: Record<string, string> = {}) =>
    call(stack, 'GET', '/partnership', { token, headers });

  it('accepts a token signed by the provider with the right issuer and audience', async () => {
    const answer = await getPartnership(await forge());
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(DEMO_PARTNERSHIP.id);
  });

  it('accepts a Cognito-style access token that names the client in client_id and has no aud', async () => {
    expect((await getPartnership(await forge({ claims: { aud: undefined } }))).status).toBe(200);
  });

  const refused: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['an expired token', () => forge({ expSeconds: -120 })],
    ['a token from another issuer', () => forge({ claims: { iss: 'https://issuer.example.test/other' } })],
    [
      'a token for another audience',
      () => forge({ claims: { aud: 'another-client', client_id: 'another-client' } }),
    ],
    [
      'a token signed by another key under the same kid',
      async () => {
        const other = await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey);
        return forge({ signWith: other });
      },
    ],
    [
      'an unsigned token (alg: none)',
      async () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
        const payload = (await forge()).split('.')[1];
        return `${header}.${payload}.`;
      },
    ],
    [
      'a token whose payload was edited after signing',
      async () => {
        const [header, payload, signature] = (await forge()).split('.');
        const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
        claims.tenant_id = 'another-tenant';
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      },
    ],
    ['an ID token', () => forge({ claims: { token_use: 'id' } })],
    ['garbage', async () => 'not-a-jwt'],
  ];

  it.each(refused)('refuses %s with 401', async (_name, make) => {
    const answer = await getPartnership(await make());
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('unauthenticated');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a header that is not a bearer token', async () => {
    const answer = await getPartnership(undefined, {
      authorization: `Basic ${Buffer.from('a:b').toString('base64')}`,
    });
    expect(answer.status).toBe(401);
  });

  it('takes the tenant from the token only: a tenant in the query string changes nothing', async () => {
    const answer = await call(stack, 'GET', '/partnership?tenantId=someone-else', { token: await forge() });
    expect(answer.body.id).toBe(DEMO_PARTNERSHIP.id);
  });

  it('refuses a valid token whose tenant has no membership for the subject', async () => {
    const answer = await getPartnership(await forge({ claims: { tenant_id: 'some-other-tenant' } }));
    expect(answer.status).toBe(403);
  });

  it('serves /health and /openapi.json without a token', async () => {
    expect((await call(stack, 'GET', '/health')).body).toEqual({ status: 'ok' });
    const openapi = await call(stack, 'GET', '/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe('3.1.0');
  });
});
