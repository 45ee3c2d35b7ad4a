import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerToken, createTokenVerifier, type TokenVerifier } from '../../shared/auth/verify-token.ts';
import { ApiError, Unauthenticated } from '../../shared/errors.ts';

const ISSUER = 'https://issuer.example.test/pool';
const AUDIENCE = 'continuity-web';
const KID = 'key-1';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

let signing: KeyPair;
let stranger: KeyPair;
let server: Server;
let jwksUri: string;
let verify: TokenVerifier;
let jwksRequests = 0;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token with sensible defaults; `claims` may override or (with undefined) drop any of them. */
async function token(
  claims: Record<string, unknown> = {},
  options: { key?: KeyPair; kid?: string } = {},
): Promise<string> {
  const payload: JWTPayload = {
    iss: ISSUER,
    sub: 'user-1',
    aud: AUDIENCE,
    iat: nowSeconds(),
    exp: nowSeconds() + 300,
    tenant_id: 'tenant-1',
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID })
    .sign((options.key ?? signing).privateKey);
}

/** The ApiError a verification rejects with. */
async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

async function expectUnauthenticated(tokenText: string, verifier = verify): Promise<ApiError> {
  const error = await rejection(verifier(tokenText));
  expect(error).toBeInstanceOf(Unauthenticated);
  expect(error.status).toBe(401);
  expect(error.code).toBe('unauthenticated');
  expect(error.headers).toEqual({ 'www-authenticate': 'Bearer' });
  return error;
}

beforeAll(async () => {
  signing = await generateKeyPair('RS256', { extractable: true });
  stranger = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(signing.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  server = createServer((request, response) => {
    jwksRequests++;
    if (request.url !== '/jwks') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  verify = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('createTokenVerifier', () => {
  it('accepts a good token whose aud is the client', async () => {
    const claims = await verify(await token());
    expect(claims.sub).toBe('user-1');
    expect(claims.tenant_id).toBe('tenant-1');
  });

  it('accepts an aud list that includes the client', async () => {
    expect((await verify(await token({ aud: ['other', AUDIENCE] }))).sub).toBe('user-1');
  });

  it('accepts a Cognito access token: client_id and no aud', async () => {
    const claims = await verify(await token({ aud: undefined, client_id: AUDIENCE, token_use: 'access' }));
    expect(claims.client_id).toBe(AUDIENCE);
  });

  it('caches the key set', async () => {
    const before = jwksRequests;
    await verify(await token());
    await verify(await token());
    expect(jwksRequests).toBe(before);
  });

  it('refuses an expired token', async () => {
    await expectUnauthenticated(await token({ iat: nowSeconds() - 3600, exp: nowSeconds() - 60 }));
  });

  it('refuses a token without exp', async () => {
    await expectUnauthenticated(await token({ exp: undefined }));
  });

  it('refuses a token not yet valid', async () => {
    await expectUnauthenticated(await token({ nbf: nowSeconds() + 600 }));
  });

  it('refuses the wrong issuer', async () => {
    await expectUnauthenticated(await token({ iss: 'https://issuer.example.test/other-pool' }));
  });

  it('refuses the wrong audience', async () => {
    await expectUnauthenticated(await token({ aud: 'another-app' }));
    await expectUnauthenticated(await token({ aud: undefined, client_id: 'another-app' }));
    await expectUnauthenticated(await token({ aud: undefined }));
  });

  it('refuses a token signed by another key under the same kid', async () => {
    await expectUnauthenticated(await token({}, { key: stranger }));
  });

  it('refuses a token signed by another key under an unknown kid', async () => {
    await expectUnauthenticated(await token({}, { key: stranger, kid: 'key-unknown' }));
  });

  it('refuses alg none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
      iss: ISSUER,
      sub: 'user-1',
      aud: AUDIENCE,
      exp: nowSeconds() + 300,
    })}.`;
    await expectUnauthenticated(unsigned);
    await expectUnauthenticated(unsigned.slice(0, -1));
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(signing.publicKey));
    const forged = await new SignJWT({ iss: ISSUER, sub: 'user-1', aud: AUDIENCE, tenant_id: 'tenant-2' })
      .setProtectedHeader({ alg: 'HS256', kid: KID })
      .setExpirationTime('5m')
      .sign(secret);
    await expectUnauthenticated(forged);
  });

  it('refuses a token without sub', async () => {
    await expectUnauthenticated(await token({ sub: undefined }));
  });

  it('refuses an ID token', async () => {
    const error = await expectUnauthenticated(await token({ token_use: 'id' }));
    expect(error.message).toContain('access token');
  });

  it('refuses a token with a tampered payload', async () => {
    const [header, , signature] = (await token()).split('.');
    const payload = b64({
      iss: ISSUER,
      sub: 'user-1',
      aud: AUDIENCE,
      exp: nowSeconds() + 300,
      tenant_id: 'tenant-2',
    });
    await expectUnauthenticated(`${header}.${payload}.${signature}`);
  });

  it('refuses text that is not a token', async () => {
    await expectUnauthenticated('not-a-token');
    await expectUnauthenticated('');
  });

  // Regression test for a fixed bug (shared/auth/verify-token.ts:29-31): every failure of jwtVerify becomes 401, including the
  // key set being unreachable. API.md answers a dependency outage with 503 `unavailable`; a 401
  // tells a signed-in user to sign in again when the identity provider is merely down.
  it('answers 503 when the key set cannot be fetched', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offline = createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUri: `http://127.0.0.1:${port}/jwks`,
    });
    const error = await rejection(offline(await token()));
    expect(error.status).toBe(503);
  });
});

describe('bearerToken', () => {
  it('reads the token after Bearer', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('Bearer   a-b_c.d~e+f/g=')).toBe('a-b_c.d~e+f/g=');
  });

  it.each([
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    'Bearer a b',
    'Bearer a,b',
    'abc.def.ghi',
    ' Bearer x',
  ])('refuses %j with Unauthenticated', (header) => {
    expect(() => bearerToken(header)).toThrow(Unauthenticated);
  });

  // Regression test for a fixed bug (shared/auth/verify-token.ts:45): the scheme is matched case-sensitively, so
  // `Authorization: bearer <token>` is refused with 401; RFC 7235 §2.1 (and RFC 6750) make the
  // auth scheme case-insensitive.
  it('accepts the scheme in any case', () => {
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
  });
});
