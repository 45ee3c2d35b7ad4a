import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** An RSA private JWK with the `kid`, `alg` and `use` the provider publishes in its JWKS. */
export interface SigningJwk extends JWK {
  kty: 'RSA';
  kid: string;
  alg: 'RS256';
  use: 'sig';
  d: string;
}

/**
 * Loads the signing key from `keyFile`, or generates one (and saves it there when a file is
 * named) so tokens issued before a restart still verify after it.
 */
export async function loadOrCreateSigningKey(keyFile?: string): Promise<SigningJwk> {
  if (keyFile) {
    const existing = await readKeyFile(keyFile);
    if (existing) return existing;
  }
  const key = await generateSigningKey();
  if (keyFile) {
    await mkdir(dirname(keyFile), { recursive: true });
    // The file holds a private key: readable by its owner only; `wx` never overwrites a key.
    await writeFile(keyFile, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  return key;
}

async function readKeyFile(keyFile: string): Promise<SigningJwk | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Signing key file ${keyFile} is not JSON: delete it and a new key will be generated`);
  }
  if (!isSigningJwk(parsed)) {
    throw new Error(
      `Signing key file ${keyFile} does not hold an RSA private JWK with kid: delete it and a new key will be generated`,
    );
  }
  return { ...parsed, alg: 'RS256', use: 'sig' };
}

function isSigningJwk(value: unknown): value is SigningJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk.kty === 'RSA' && typeof jwk.d === 'string' && typeof jwk.kid === 'string' && jwk.kid !== '';
}

async function generateSigningKey(): Promise<SigningJwk> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kty: 'RSA', kid, alg: 'RS256', use: 'sig', d: jwk.d ?? '' };
}
