import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCursorSecret } from '../../shared/adapters/cursor-secret.ts';
import { readConfig } from '../../shared/config.ts';

const ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:continuity-cursor-AbCdEf';

/** A stand-in for the Parameters and Secrets extension on localhost: answers what it was told to. */
const seen: { url?: string; headers?: IncomingHttpHeaders } = {};
let answer: { status: number; body: unknown } = { status: 200, body: { SecretString: 'k'.repeat(48) } };
const extension = createServer((request, response) => {
  seen.url = request.url;
  seen.headers = request.headers;
  response.writeHead(answer.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(answer.body));
});

const configWith = (variables: Record<string, string>) =>
  readConfig({
    TABLE_NAME: 't',
    AUTH_ISSUER: 'https://issuer.example',
    AUTH_AUDIENCE: 'client',
    AUTH_JWKS_URI: 'https://issuer.example/jwks',
    APP_URL: 'https://app.example',
    ...variables,
  });

describe('the cursor key (shared/adapters/cursor-secret.ts)', () => {
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => extension.listen(0, '127.0.0.1', resolve));
    port = (extension.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => extension.close(() => resolve())));

  it('uses the key given directly (the local stack), asking nothing', async () => {
    seen.url = undefined;
    expect(await readCursorSecret(configWith({ CURSOR_SECRET: 's'.repeat(40) }))).toBe('s'.repeat(40));
    expect(seen.url).toBeUndefined();
  });

  it('reads the secret through the extension, with the session token it asks for', async () => {
    answer = { status: 200, body: { SecretString: 'k'.repeat(48), Name: 'continuity-cursor' } };
    const config = configWith({
      CURSOR_SECRET_ARN: ARN,
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port),
      AWS_SESSION_TOKEN: 'session-token',
    });
    expect(await readCursorSecret(config)).toBe('k'.repeat(48));
    expect(seen.url).toBe(`/secretsmanager/get?secretId=${encodeURIComponent(ARN)}`);
    expect(seen.headers?.['x-aws-parameters-secrets-token']).toBe('session-token');
  });

  it('fails clearly when the extension refuses or the secret is empty', async () => {
    const config = configWith({
      CURSOR_SECRET_ARN: ARN,
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port),
    });
    answer = { status: 400, body: { message: 'not ready' } };
    await expect(readCursorSecret(config)).rejects.toThrow(/answered 400/);
    answer = { status: 200, body: { SecretString: '' } };
    await expect(readCursorSecret(config)).rejects.toThrow(/empty/);
  });

  it('needs one of the two settings', async () => {
    await expect(readCursorSecret(configWith({}))).rejects.toThrow(/CURSOR_SECRET or CURSOR_SECRET_ARN/);
  });
});
