import type { Config } from '../config.ts';

/** How long to wait for the secrets extension: it answers from its cache, or after one Secrets Manager call. */
const EXTENSION_TIMEOUT_MS = 3_000;

/**
 * The key that signs list cursors: given directly in the local stack; in AWS read once per
 * cold start through the AWS Parameters and Secrets Lambda extension (a layer on every function
 * that signs cursors), which caches it and serves it on localhost. A function then carries no
 * Secrets Manager client, and its init pays nothing for the key.
 */
export async function readCursorSecret(config: Config): Promise<string> {
  if (config.CURSOR_SECRET) return config.CURSOR_SECRET;
  if (!config.CURSOR_SECRET_ARN) {
    throw new Error('Invalid configuration: CURSOR_SECRET or CURSOR_SECRET_ARN is required here');
  }
  const url = new URL(`http://localhost:${config.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}/secretsmanager/get`);
  url.searchParams.set('secretId', config.CURSOR_SECRET_ARN);
  const response = await fetch(url, {
    // The extension accepts only callers that hold the function's own session token.
    headers: { 'X-Aws-Parameters-Secrets-Token': config.AWS_SESSION_TOKEN ?? '' },
    signal: AbortSignal.timeout(EXTENSION_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The secrets extension answered ${response.status} for the cursor key`);
  const { SecretString } = (await response.json()) as { SecretString?: unknown };
  if (typeof SecretString !== 'string' || SecretString.length === 0)
    throw new Error('The cursor secret is empty');
  return SecretString;
}
