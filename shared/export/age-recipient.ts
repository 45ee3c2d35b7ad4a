/**
 * Reads an age recipient (a public key, https://age-encryption.org/v1) as the age-encryption
 * library's X25519 recipient parser does: Bech32 (BIP 173) with the human-readable part `age`,
 * a valid checksum and 32 bytes of key. Pure and small, so the web app and the partnership
 * function check a key without carrying the library's encryption code (about 130 KB once
 * bundled, mostly the post-quantum KEM). test/unit/age-recipient.test.ts checks that it accepts
 * exactly the X25519 recipients the library accepts.
 */

/** What a checked recipient is: its text and the X25519 public key it encodes, or what is wrong with it. */
export type RecipientCheck = { recipient: string; publicKey: Uint8Array } | { problem: string };

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
/** BIP 173's limit, which the library keeps for X25519 recipients (62 characters). */
const MAX_LENGTH = 90;
const X25519_KEY_BYTES = 32;

/** The one way to write the accepted format, for messages and hints. */
export const RECIPIENT_FORMAT =
  'an age recipient: “age1” and 58 more letters and digits, as age-keygen prints it';

function polymod(values: readonly number[]): number {
  let check = 1;
  for (const value of values) {
    const top = check >>> 25;
    check = ((check & 0x1ffffff) << 5) ^ value;
    GENERATOR.forEach((generator, bit) => {
      if ((top >>> bit) & 1) check ^= generator;
    });
  }
  return check >>> 0;
}

const expandPrefix = (prefix: string): number[] => [
  ...[...prefix].map((char) => char.charCodeAt(0) >> 5),
  0,
  ...[...prefix].map((char) => char.charCodeAt(0) & 31),
];

/** 5-bit groups to bytes; the leftover bits must be fewer than 5 and all zero, as BIP 173 says. */
function wordsToBytes(words: readonly number[]): Uint8Array | undefined {
  const bytes: number[] = [];
  let carry = 0;
  let bits = 0;
  for (const word of words) {
    carry = ((carry << 5) | word) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((carry >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (carry & ((1 << bits) - 1)) !== 0) return undefined;
  return Uint8Array.from(bytes);
}

/** Words a look-alike of another kind of key starts with, and why it is not accepted. */
const NOT_RECIPIENTS: readonly { starts: RegExp; problem: string }[] = [
  {
    starts: /^AGE-SECRET-KEY-/i,
    problem:
      'is an age private key, which must never leave the partnership: give its public key instead (the “age1…” line that age-keygen -y prints)',
  },
  {
    starts: /^-----BEGIN PGP/,
    problem: `is an OpenPGP key, which the service does not take: give ${RECIPIENT_FORMAT}`,
  },
  {
    starts: /^(ssh-|ecdsa-sha2-)/,
    problem: `is an SSH key, which the service does not take: give ${RECIPIENT_FORMAT}`,
  },
  {
    starts: /^age1(pq|tag|tagpq)1/,
    problem: `is a post-quantum or tag recipient, which the service cannot encrypt to yet: give ${RECIPIENT_FORMAT} of a key made without -pq`,
  },
];

/**
 * Checks that `text` (trimmed) is an X25519 age recipient and decodes it. A problem is worded to
 * follow the field's name ("Public key must be …") and never repeats a private key back.
 */
export function parseAgeRecipient(text: string): RecipientCheck {
  const recipient = text.trim();
  if (recipient === '') return { problem: `must be ${RECIPIENT_FORMAT}` };
  const lookalike = NOT_RECIPIENTS.find(({ starts }) => starts.test(recipient));
  if (lookalike) return { problem: lookalike.problem };
  const separator = recipient.lastIndexOf('1');
  const data = recipient.slice(separator + 1);
  if (
    !recipient.startsWith('age1') ||
    recipient.slice(0, separator) !== 'age' ||
    recipient.length > MAX_LENGTH ||
    data.length < 6 ||
    [...data].some((char) => !CHARSET.includes(char))
  ) {
    const shown = recipient.length > 20 ? `${recipient.slice(0, 20)}…` : recipient;
    return { problem: `must be ${RECIPIENT_FORMAT}, got “${shown}”` };
  }
  const words = [...data].map((char) => CHARSET.indexOf(char));
  if (polymod([...expandPrefix('age'), ...words]) !== 1) {
    return { problem: 'is not a whole age recipient (its checksum does not match): copy it again in full' };
  }
  const publicKey = wordsToBytes(words.slice(0, -6));
  if (!publicKey || publicKey.length !== X25519_KEY_BYTES) {
    return { problem: `must be ${RECIPIENT_FORMAT}: this one does not hold a 32-byte key` };
  }
  return { recipient, publicKey };
}
