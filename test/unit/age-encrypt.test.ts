import { armor, Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encryptToX25519, wrapFileKey } from '../../shared/export/age-encrypt.ts';
import { parseAgeRecipient } from '../../shared/export/age-recipient.ts';
import { encryptedPage, exportedItem, jsonLines } from '../../shared/export/export-page.ts';

/** A fresh identity, its recipient and the recipient's decoded public key. */
async function keyPair() {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const checked = parseAgeRecipient(recipient);
  if ('problem' in checked) throw new Error(checked.problem);
  return { identity, recipient, publicKey: checked.publicKey };
}

const decrypt = (identity: string, file: Uint8Array) => {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return decrypter.decrypt(file);
};

describe('encrypting to an age recipient', () => {
  it('writes files the age-encryption library decrypts, of any size across the 64 KiB chunks', async () => {
    // Prepare: sizes around the chunk boundaries, and random ones.
    const { identity, publicKey } = await keyPair();
    const chunk = 64 * 1024;
    const sizes = [0, 1, 47, 48, chunk - 1, chunk, chunk + 1, 2 * chunk, 2 * chunk + 5];
    for (const size of sizes) {
      const plaintext = Uint8Array.from({ length: size }, (_, index) => (index * 31 + size) & 0xff);
      // Act
      const file = encryptToX25519(publicKey, plaintext);
      // Assess
      expect(Buffer.from(await decrypt(identity, file)).equals(Buffer.from(plaintext)), `size ${size}`).toBe(
        true,
      );
    }
  });

  it('round-trips random text, and every file is new (fresh file key, nonce and ephemeral key)', async () => {
    const { identity, publicKey } = await keyPair();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        const plaintext = new TextEncoder().encode(text);
        const first = encryptToX25519(publicKey, plaintext);
        const second = encryptToX25519(publicKey, plaintext);
        expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
        expect(await decrypt(identity, first)).toEqual(plaintext);
      }),
      { numRuns: 40 },
    );
  });

  it('cannot be read with another identity', async () => {
    const { publicKey } = await keyPair();
    const other = await keyPair();
    await expect(decrypt(other.identity, encryptToX25519(publicKey, new Uint8Array([1])))).rejects.toThrow();
  });

  it('refuses a public key no secret can be agreed with (a low-order point)', () => {
    expect(() => wrapFileKey(new Uint8Array(32), new Uint8Array(16))).toThrow();
  });
});

describe('an export page', () => {
  it('drops the table’s own attributes and keeps what each record is', () => {
    expect(
      exportedItem({
        PK: 'T#p1',
        SK: 'PERSON#x',
        GSI1PK: 'a',
        GSI1SK: 'b',
        GSI2PK: 'c',
        GSI2SK: 'd',
        duePK: 'e',
        dueSK: 'f',
        tenantId: 'p1',
        givenKey: 'sam',
        type: 'person',
        id: 'x',
        givenName: 'Sam',
      }),
    ).toEqual({ type: 'person', id: 'x', givenName: 'Sam' });
    expect(jsonLines([])).toBe('');
    expect(jsonLines([{ PK: 'k', id: 'a' }, { id: 'b' }])).toBe('{"id":"a"}\n{"id":"b"}\n');
  });

  it('is an armoured age file that decrypts to the JSON lines', async () => {
    // Prepare
    const { identity, recipient } = await keyPair();
    const items = [
      { PK: 'T#p1', SK: 'PARTNERSHIP', type: 'partnership', name: 'Test CDP' },
      { PK: 'T#p1', SK: 'PERSON#1', GSI1PK: 'x', type: 'person', nhsNumber: '9434765919' },
    ];
    // Act
    const page = encryptedPage(recipient, items);
    // Assess
    expect(page.startsWith('-----BEGIN AGE ENCRYPTED FILE-----\n')).toBe(true);
    expect(page).not.toContain('9434765919');
    const lines = (await decrypt(identity, armor.decode(page))) as Uint8Array;
    expect(new TextDecoder().decode(lines)).toBe(
      '{"type":"partnership","name":"Test CDP"}\n{"type":"person","nhsNumber":"9434765919"}\n',
    );
  });

  it('refuses to encrypt to a stored key that is not a recipient', () => {
    expect(() => encryptedPage('-----BEGIN PGP PUBLIC KEY BLOCK-----', [])).toThrow(/not an age recipient/);
  });
});
