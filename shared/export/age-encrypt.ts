import {
  createCipheriv,
  createHmac,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * Encrypts a file to one X25519 age recipient, in the age v1 format
 * (https://age-encryption.org/v1): the same bytes the age-encryption library's Encrypter writes,
 * built on Node's own X25519, HKDF-SHA-256, HMAC-SHA-256 and ChaCha20-Poly1305 (OpenSSL)
 * instead of the library's JavaScript ones, whose bundle (the post-quantum KEM above all) would
 * take the admin function past its size limit. Decrypted by `age -d` and by the library's
 * Decrypter (test/unit/age-encrypt.test.ts proves it both ways it can: round trips through the
 * library, and its parser reading every header).
 */

const VERSION_LINE = 'age-encryption.org/v1';
const X25519_LABEL = 'age-encryption.org/v1/X25519';
const FILE_KEY_BYTES = 16;
const PAYLOAD_NONCE_BYTES = 16;
/** The payload is encrypted in chunks of 64 KiB, each with its own nonce (age's STREAM). */
const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;

const base64NoPad = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

const hkdf = (secret: Uint8Array, salt: Uint8Array, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, salt, info, 32));

function seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** An X25519 public key (32 raw bytes) as Node's KeyObject; Node has no raw import for it, JWK does. */
const x25519PublicKey = (raw: Uint8Array): KeyObject =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });

/** One stanza line and its body, wrapped at 48 bytes (64 characters) a line as age writes them. */
function stanza(args: readonly string[], body: Uint8Array): string {
  const lines = [`-> ${args.join(' ')}`];
  for (let start = 0; start < body.length; start += 48)
    lines.push(base64NoPad(body.subarray(start, start + 48)));
  // A body that fills its last line exactly ends with an empty one, so a reader knows it ended.
  if (body.length % 48 === 0) lines.push('');
  return `${lines.join('\n')}\n`;
}

/**
 * Wraps a file key for an X25519 recipient: an ephemeral key pair, the shared secret with the
 * recipient, and the file key sealed under a key derived from both. Throws for a public key no
 * secret can be agreed with (a low-order point), so a key that passes is one the export can use.
 */
export function wrapFileKey(publicKey: Uint8Array, fileKey: Uint8Array): string {
  const ephemeral = generateKeyPairSync('x25519');
  const share = Buffer.from(String(ephemeral.publicKey.export({ format: 'jwk' }).x), 'base64url');
  const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519PublicKey(publicKey) });
  const wrapKey = hkdf(secret, Buffer.concat([share, publicKey]), X25519_LABEL);
  return stanza(['X25519', base64NoPad(share)], seal(wrapKey, new Uint8Array(12), fileKey));
}

/** The payload in STREAM chunks: an 11-byte counter and a last-chunk flag make each nonce. */
function encryptPayload(key: Uint8Array, plaintext: Uint8Array): Buffer[] {
  const chunks = Math.max(1, Math.ceil(plaintext.length / CHUNK_BYTES));
  const sealed: Buffer[] = [];
  for (let index = 0; index < chunks; index++) {
    const nonce = Buffer.alloc(12);
    nonce.writeUIntBE(index, 5, 6);
    if (index === chunks - 1) nonce[11] = 1;
    sealed.push(seal(key, nonce, plaintext.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES)));
  }
  return sealed;
}

/** Encrypts `plaintext` to the X25519 recipient with this public key: a binary age file. */
export function encryptToX25519(publicKey: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const fileKey = randomBytes(FILE_KEY_BYTES);
  const headerNoMac = `${VERSION_LINE}\n${wrapFileKey(publicKey, fileKey)}---`;
  const mac = createHmac('sha256', hkdf(fileKey, new Uint8Array(0), 'header'))
    .update(headerNoMac)
    .digest();
  const nonce = randomBytes(PAYLOAD_NONCE_BYTES);
  return Buffer.concat([
    Buffer.from(`${headerNoMac} ${base64NoPad(mac)}\n`),
    nonce,
    ...encryptPayload(hkdf(fileKey, nonce, 'payload'), plaintext),
  ]);
}
