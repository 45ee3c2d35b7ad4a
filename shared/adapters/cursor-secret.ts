import type { Config } from '../config.ts';

/**
 * The key that signs list cursors: given directly in the local stack, read from Secrets
 * Manager once per cold start in AWS. The client loads on first use: a function's init pays
 * nothing for it, and a request that lists nothing never loads it.
 */
export async function readCursorSecret(config: Config): Promise<string> {
  if (config.CURSOR_SECRET) return config.CURSOR_SECRET;
  if (!config.CURSOR_SECRET_ARN) {
    throw new Error('Invalid configuration: CURSOR_SECRET or CURSOR_SECRET_ARN is required here');
  }
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const result = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: config.CURSOR_SECRET_ARN }),
  );
  if (!result.SecretString) throw new Error('The cursor secret is empty');
  return result.SecretString;
}
